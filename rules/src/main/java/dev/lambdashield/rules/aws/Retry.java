package dev.lambdashield.rules.aws;

import dev.lambdashield.rules.observe.LogKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Runs AWS calls with exponential backoff and full jitter (each wait is uniform in [0, cap], the cap doubling
 * per retry), retrying throttling, 5xx responses and client-side I/O failures. A wait that would leave less
 * than the policy's reserve before the deadline is not taken: the call fails at once instead.
 *
 * <p>One instance serves one invocation, because it holds that invocation's deadline.
 */
public final class Retry {

    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private final RetryPolicy policy;
    private final Deadline deadline;
    private final Sleeper sleeper;
    private final SplittableRandom random;

    public Retry(RetryPolicy policy, Deadline deadline, Sleeper sleeper, long seed) {
        this.policy = policy;
        this.deadline = deadline;
        this.sleeper = sleeper;
        this.random = new SplittableRandom(seed);
    }

    /** A retry with the default policy, real sleeping and a random seed. */
    public static Retry create(Deadline deadline) {
        return new Retry(RetryPolicy.DEFAULT, deadline, Sleeper.THREAD, new Random().nextLong());
    }

    public Deadline deadline() {
        return deadline;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Calls {@code call} until it returns, fails with a non-retryable error, or retries run out.
     *
     * @throws AwsCallException when the call fails for good; the last SDK exception is its cause
     */
    public <T> T call(String service, String operation, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SdkException e) {
                String reason = retryReason(e);
                if (reason == null) {
                    throw new AwsCallException(service, operation, attempt, describe(e), e);
                }
                if (attempt >= policy.maxAttempts()) {
                    throw new AwsCallException(service, operation, attempt, "retries exhausted, last error: "
                            + describe(e), e);
                }
                if (!pause(attempt, service, operation, reason)) {
                    throw new AwsCallException(service, operation, attempt,
                            "not retried because the invocation is running out of time, last error: " + describe(e), e);
                }
            }
        }
    }

    /**
     * Waits before retry number {@code retry} (1-based) of a call that failed for {@code reason}.
     *
     * @return false, without waiting, when the wait would leave less than the reserve before the deadline
     */
    public boolean pause(int retry, String service, String operation, String reason) {
        Duration wait = jitteredDelay(retry);
        if (!deadline.allows(wait.plus(policy.reserve()))) {
            LOG.atWarn().addKeyValue(LogKey.SERVICE.key(), service).addKeyValue(LogKey.OPERATION.key(), operation)
                    .addKeyValue(LogKey.ATTEMPT.key(), retry).addKeyValue(LogKey.REASON.key(), reason)
                    .log("not retrying: too little time left in the invocation");
            return false;
        }
        LOG.atWarn().addKeyValue(LogKey.SERVICE.key(), service).addKeyValue(LogKey.OPERATION.key(), operation)
                .addKeyValue(LogKey.ATTEMPT.key(), retry).addKeyValue(LogKey.REASON.key(), reason)
                .addKeyValue(LogKey.DURATION_MS.key(), wait.toMillis())
                .log("retrying AWS call after backoff");
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A uniform random wait in [0, cap] for retry number {@code retry}. */
    public Duration jitteredDelay(int retry) {
        long cap = policy.capFor(retry).toMillis();
        return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
    }

    /** Why {@code e} is worth retrying, or {@code null} when it is not. */
    static String retryReason(SdkException e) {
        if (e instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return "throttled (" + errorCode(service) + ")";
            }
            int status = service.statusCode();
            if (status >= 500) {
                return "server error " + status + " (" + errorCode(service) + ")";
            }
            return null;
        }
        if (e instanceof SdkClientException) {
            // I/O failures (connection reset, timeouts) surface as client exceptions; a malformed response
            // body does too, and retrying it is harmless.
            return "client error (" + e.getClass().getSimpleName() + ")";
        }
        return null;
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
    }

    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return errorCode(service) + " (HTTP " + service.statusCode() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
