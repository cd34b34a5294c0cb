package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.errors.ErrorCode;

/**
 * A failure inside a built-in. The evaluator adds the built-in's name and call site, and in
 * non-strict mode turns the failure into an undefined expression unless it {@link #halts()}.
 */
public class BuiltinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final boolean halts;

    public BuiltinException(ErrorCode code, String message, boolean halts) {
        super(message);
        this.code = code;
        this.halts = halts;
    }

    /** An {@code eval_builtin_error} that strict mode raises and non-strict mode makes undefined. */
    public static BuiltinException failure(String message) {
        return new BuiltinException(ErrorCode.EVAL_BUILTIN, message, false);
    }

    /** An {@code eval_type_error} for an operand of the wrong type. */
    public static BuiltinException operandType(int position, String expected, String actual) {
        return new BuiltinException(ErrorCode.EVAL_TYPE,
                "operand " + position + " must be " + expected + " but got " + actual, false);
    }

    /** An error that ends evaluation in every mode, as OPA's {@code Halt} does. */
    public static BuiltinException halt(ErrorCode code, String message) {
        return new BuiltinException(code, message, true);
    }

    public ErrorCode code() {
        return code;
    }

    public boolean halts() {
        return halts;
    }
}
