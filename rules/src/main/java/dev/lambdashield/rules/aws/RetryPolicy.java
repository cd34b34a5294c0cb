package dev.lambdashield.rules.aws;

import java.time.Duration;

/**
 * How often and how long {@link Retry} waits.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param baseDelay   the backoff cap for the first retry; it doubles on each further retry
 * @param maxDelay    the largest backoff cap
 * @param reserve     time that must still be left after a wait, so the invocation can finish and report
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration reserve) {

    /** Eight attempts, 100 ms doubling to 5 s, keeping 2 s of the invocation for the remaining work. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(2));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** The backoff cap before retry number {@code retry} (1-based): base * 2^(retry-1), at most maxDelay. */
    public Duration capFor(int retry) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        int shift = Math.min(retry - 1, 30);
        long delay = base << shift;
        return Duration.ofMillis(delay <= 0 || delay > cap ? cap : delay);
    }
}
