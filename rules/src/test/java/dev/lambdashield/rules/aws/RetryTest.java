package dev.lambdashield.rules.aws;

import dev.lambdashield.rules.testutils.RecordingSleeper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryTest {

    private static AwsServiceException serviceError(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void capFor_doublesUpToMax() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertEquals(Duration.ofMillis(100), policy.capFor(1));
        assertEquals(Duration.ofMillis(200), policy.capFor(2));
        assertEquals(Duration.ofMillis(3200), policy.capFor(6));
        assertEquals(Duration.ofSeconds(5), policy.capFor(7));
        assertEquals(Duration.ofSeconds(5), policy.capFor(60));
    }

    @Test
    void jitter_withinZeroAndCap() {
        Retry retry = new Retry(RetryPolicy.DEFAULT, Deadline.none(), new RecordingSleeper(), 11);

        for (int attempt = 1; attempt <= 10; attempt++) {
            for (int i = 0; i < 50; i++) {
                Duration wait = retry.jitteredDelay(attempt);
                assertFalse(wait.isNegative(), wait.toString());
                assertTrue(wait.compareTo(RetryPolicy.DEFAULT.capFor(attempt)) <= 0, wait.toString());
            }
        }
    }

    @Test
    void throttlingAndIo_retriedUntilSuccess() {
        RecordingSleeper sleeper = new RecordingSleeper();
        Retry retry = new Retry(RetryPolicy.DEFAULT, Deadline.none(), sleeper, 1);
        AtomicInteger calls = new AtomicInteger();

        String result = retry.call("config", "PutEvaluations", () -> {
            switch (calls.incrementAndGet()) {
                case 1:
                    throw serviceError(400, "ThrottlingException");
                case 2:
                    throw SdkClientException.create("Connection reset");
                case 3:
                    throw serviceError(502, "BadGateway");
                default:
                    return "done";
            }
        });

        assertEquals("done", result);
        assertEquals(3, sleeper.waits().size());
    }

    @Test
    void clientError_notRetried() {
        RecordingSleeper sleeper = new RecordingSleeper();
        Retry retry = new Retry(RetryPolicy.DEFAULT, Deadline.none(), sleeper, 1);

        AwsCallException e = assertThrows(AwsCallException.class, () -> retry.call("config", "PutEvaluations",
                () -> {
                    throw serviceError(400, "AccessDeniedException");
                }));

        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("AccessDeniedException"), e.getMessage());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void deadline_stopsRetrying() {
        RecordingSleeper sleeper = new RecordingSleeper();
        Retry retry = new Retry(RetryPolicy.DEFAULT, () -> Duration.ofMillis(500), sleeper, 1);

        AwsCallException e = assertThrows(AwsCallException.class, () -> retry.call("config", "PutEvaluations",
                () -> {
                    throw serviceError(500, "InternalFailure");
                }));

        assertTrue(e.getMessage().contains("running out of time"), e.getMessage());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void attempts_bounded() {
        RecordingSleeper sleeper = new RecordingSleeper();
        Retry retry = new Retry(RetryPolicy.DEFAULT, Deadline.none(), sleeper, 1);

        AwsCallException e = assertThrows(AwsCallException.class, () -> retry.call("config", "ListDiscoveredResources",
                () -> {
                    throw serviceError(503, "ServiceUnavailable");
                }));

        assertEquals(RetryPolicy.DEFAULT.maxAttempts(), e.attempts());
        assertEquals(RetryPolicy.DEFAULT.maxAttempts() - 1, sleeper.waits().size());
    }
}
