package dev.lambdashield.rules.evaluate;

/**
 * A rule parameter that is missing or does not match its declared type, or a {@code policies} entry that
 * matches no policy. No resource is evaluated when this is thrown. {@link #CODE} is stable.
 */
public class InvalidParameterException extends RuntimeException {

    public static final String CODE = "invalid_rule_parameter";

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(CODE + ": rule parameter '" + parameter + "' " + message);
        this.parameter = parameter;
    }

    /** The name of the parameter at fault. */
    public String parameter() {
        return parameter;
    }
}
