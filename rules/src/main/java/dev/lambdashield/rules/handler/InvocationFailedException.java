package dev.lambdashield.rules.handler;

import java.util.List;

/**
 * Thrown at the end of an invocation that could not do all its work: an invalid event or parameter, a policy
 * that failed to evaluate, or results a sink could not deliver. Lambda then reports the invocation as failed
 * and Config retries it. {@link #code()} is stable; the message lists every failure.
 */
public class InvocationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient InvocationResult result;

    public InvocationFailedException(String code, List<String> failures, InvocationResult result, Throwable cause) {
        super(message(code, failures), cause);
        this.code = code;
        this.result = result;
    }

    /** Prefixes the code once, also when the first failure's own message already starts with it. */
    private static String message(String code, List<String> failures) {
        String joined = String.join("; ", failures);
        return joined.startsWith(code + ": ") ? joined : code + ": " + joined;
    }

    public String code() {
        return code;
    }

    /** What the invocation did before failing, or {@code null} when it failed before evaluating. */
    public InvocationResult result() {
        return result;
    }
}
