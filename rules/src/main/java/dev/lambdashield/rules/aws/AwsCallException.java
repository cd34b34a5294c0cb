package dev.lambdashield.rules.aws;

/**
 * An AWS call that failed for good: a non-retryable error, retries used up, or no time left to retry.
 * The message names the service, operation and attempts; the SDK exception is the cause.
 */
public class AwsCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final String operation;
    private final int attempts;

    public AwsCallException(String service, String operation, int attempts, String reason, Throwable cause) {
        super(service + " " + operation + " failed after " + attempts + " attempt(s): " + reason, cause);
        this.service = service;
        this.operation = operation;
        this.attempts = attempts;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public int attempts() {
        return attempts;
    }
}
