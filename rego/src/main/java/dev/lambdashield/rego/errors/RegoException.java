package dev.lambdashield.rego.errors;

import dev.lambdashield.rego.ast.Location;

import java.util.List;

/**
 * The one exception type the engine raises to callers: a non-empty list of coded errors.
 * Parsing and compiling collect every error they find; evaluation stops at the first one.
 */
public class RegoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RegoError> errors;

    public RegoException(List<RegoError> errors) {
        super(summarize(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a RegoException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public RegoException(ErrorCode code, String message, Location location) {
        this(List.of(new RegoError(code, message, location)));
    }

    public List<RegoError> errors() {
        return errors;
    }

    /** Returns the code of the first error. */
    public ErrorCode code() {
        return errors.get(0).code();
    }

    private static String summarize(List<RegoError> errors) {
        if (errors.isEmpty()) {
            return "no errors";
        }
        if (errors.size() == 1) {
            return errors.get(0).toString();
        }
        StringBuilder text = new StringBuilder(errors.size() + " errors occurred:");
        for (RegoError error : errors) {
            text.append('\n').append(error);
        }
        return text.toString();
    }
}
