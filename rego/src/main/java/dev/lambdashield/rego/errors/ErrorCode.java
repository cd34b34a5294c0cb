package dev.lambdashield.rego.errors;

/** OPA's error codes, spelled as OPA spells them so that tools matching on them keep working. */
public enum ErrorCode {
    PARSE("rego_parse_error"),
    COMPILE("rego_compile_error"),
    TYPE("rego_type_error"),
    UNSAFE_VAR("rego_unsafe_var_error"),
    RECURSION("rego_recursion_error"),
    EVAL_CONFLICT("eval_conflict_error"),
    EVAL_TYPE("eval_type_error"),
    EVAL_BUILTIN("eval_builtin_error"),
    EVAL_CANCEL("eval_cancel_error"),
    EVAL_INTERNAL("eval_internal_error"),
    EVAL_USER("eval_user_error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** Returns OPA's string for this code, for example {@code rego_parse_error}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
