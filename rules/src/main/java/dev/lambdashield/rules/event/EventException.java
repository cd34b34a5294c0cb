package dev.lambdashield.rules.event;

/**
 * An invoking event the rule cannot process. {@link #code()} is stable ({@code invalid_event},
 * {@code unsupported_message_type}, {@code resource_not_found}) and the message names the field at fault.
 */
public class EventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public EventException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public EventException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
