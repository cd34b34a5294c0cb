package dev.lambdashield.rules.reliability;

import dev.lambdashield.rules.handler.InvocationFailedException;
import dev.lambdashield.rules.handler.InvocationResult;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.testutils.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every AWS call of the rule (Config reads and PutEvaluations, Security Hub BatchImportFindings, SSM
 * StartAutomationExecution) against every fault the stand-in server can produce, through the whole handler with
 * the real SDK clients. A transient fault must be retried until the call works, counted on the server; a fault
 * that never ends must fail the invocation, and whatever reached PutEvaluations must be the decision the policies
 * actually made.
 */
class AwsFaultTest {

    private static AwsStandIn standIn;

    @BeforeAll
    static void start() {
        standIn = new AwsStandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @BeforeEach
    void reset() {
        standIn.reset();
        FaultTarget.stubAllWorking(standIn);
    }

    static List<Arguments> everyTargetAndFault() {
        List<Arguments> cases = new ArrayList<>();
        for (FaultTarget target : FaultTarget.values()) {
            for (FaultKind fault : FaultKind.values()) {
                cases.add(Arguments.of(target, fault));
            }
        }
        return cases;
    }

    private static InvocationResult run(FaultTarget target) {
        try (RuleApplication app = standIn.application()) {
            return app.run(target.event(), "req-" + target + "-" + System.nanoTime(),
                    dev.lambdashield.rules.aws.Deadline.fromRemainingMillis(
                            TestContext.generous("req")::getRemainingTimeInMillis));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTargetAndFault")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void transientFault_retriedUntilCallWorks(FaultTarget target, FaultKind fault) {
        standIn.failThenSucceed(target::mapping, fault.transientCount(), fault.response(target.success()),
                target.success());

        InvocationResult result = run(target);

        assertTrue(result.succeeded(), () -> "failures: " + result.failures());
        assertEquals(fault.transientCount() + 1, target.requests(standIn).size(), "requests received for " + target);
        assertEquals(target.expectedDecisions(), standIn.reportedCompliance(), "evaluations reported");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTargetAndFault")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void endlessFault_invocationFailsLoudly(FaultTarget target, FaultKind fault) {
        standIn.always(target.mapping(), fault.response(target.success()));

        InvocationFailedException e = assertThrows(InvocationFailedException.class, () -> run(target));

        assertTrue(e.getMessage().contains(target.failureMarker()), e.getMessage());
        assertEquals(AwsStandIn.FAST.maxAttempts(), target.requests(standIn).size(), "attempts at " + target);
        Map<String, String> reported = standIn.reportedCompliance();
        if (target.isRead()) {
            assertEquals("aws_read_failed", e.code());
            assertTrue(reported.isEmpty(), "nothing is reported without a configuration item: " + reported);
            assertTrue(standIn.imports().isEmpty(), "no finding is imported");
            assertTrue(standIn.ssmStarts().isEmpty(), "no remediation is started");
        } else {
            assertEquals("invocation_failed", e.code());
            assertNotNull(e.result(), "the failed invocation keeps what it did");
            assertEquals(target.expectedDecisions(), reported, "evaluations sent are the evaluated decisions");
        }
    }
}
