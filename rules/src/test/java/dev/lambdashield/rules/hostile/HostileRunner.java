package dev.lambdashield.rules.hostile;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.handler.InvocationFailedException;
import dev.lambdashield.rules.handler.InvocationResult;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.handler.StandardSinks;
import dev.lambdashield.rules.remediate.RemediationSettings;
import dev.lambdashield.rules.remediate.RemediationSwitch;
import dev.lambdashield.rules.testutils.TestApplications;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the whole rule (every sink, remediation switched on) on one hostile event against a stand-in server that
 * accepts every AWS call, and sorts the outcome: a decision, a coded failure, or a crash. A crash is any
 * throwable other than {@link InvocationFailedException}, and also a coded failure that only wraps one: a sink
 * that threw (reported as {@code <sink>: <sink> failed: ...}) or an engine fault ({@code eval_internal_error}).
 */
final class HostileRunner implements AutoCloseable {

    /** The invocation's deadline; a hostile event must be decided or rejected before it. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern SINK_CRASH = Pattern.compile("^(\\w+): \\1 failed: .*", Pattern.DOTALL);

    private final WireMockServer server;

    HostileRunner() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
        json11("StarlingDoveService.PutEvaluations", "{\"FailedEvaluations\":[]}");
        json11("AmazonSSM.StartAutomationExecution", "{\"AutomationExecutionId\":\"hostile-1\"}");
        server.stubFor(post(urlEqualTo("/findings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"Findings\":[]}")));
        server.stubFor(post(urlEqualTo("/findings/import")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}")));
        server.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ValidationException\",\"message\":\"not served by the stand-in\"}")));
    }

    private void json11(String target, String body) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    /** The outcome of one run: exactly one of result and failure is set. */
    record Outcome(InvocationResult result, InvocationFailedException failure) {

        String describe() {
            return result != null ? "decisions " + result.counts() : "failure " + failure.getMessage();
        }
    }

    /** Runs the event with the repository's policies; fails the test on a crash. */
    Outcome run(ConfigEvent event) {
        return run(event, TestApplications.bundle(), DEADLINE);
    }

    /** Runs the event and expects a coded failure, which it returns. */
    InvocationFailedException runExpectingFailure(ConfigEvent event, PolicyBundle bundle, Duration deadline) {
        Outcome outcome = run(event, bundle, deadline);
        assertNotNull(outcome.failure(), "expected a coded failure, got " + outcome.describe());
        return outcome.failure();
    }

    /** Counts the COMPLIANT evaluations that reached PutEvaluations. */
    int reportedCompliant() {
        int count = 0;
        for (LoggedRequest put : server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("StarlingDoveService.PutEvaluations")))) {
            count += put.getBodyAsString().split("\"ComplianceType\":\"COMPLIANT\"", -1).length - 1;
        }
        return count;
    }

    /** Runs the event and fails the test on a crash; returns the decision or the coded failure. */
    Outcome run(ConfigEvent event, PolicyBundle bundle, Duration deadline) {
        AwsEndpoint endpoint = new AwsEndpoint(Region.US_EAST_1, URI.create("http://127.0.0.1:" + server.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real")));
        RemediationSettings remediation = new RemediationSettings(RemediationSwitch.ON, 10,
                RemediationSettings.DEFAULT_EXEMPTION_TAG, List.of(), null, null);
        Instant end = Instant.now().plus(deadline);
        try (RuleApplication app = RuleApplication.builder(TestApplications.settings(endpoint).toBuilder()
                        .remediation(remediation).build())
                .bundle(bundle).sinks(StandardSinks.all()).retryPolicy(TestApplications.QUICK)
                .build()) {
            Outcome outcome = new Outcome(app.run(event, "req-hostile", Deadline.at(end, Clock.systemUTC())), null);
            assertNoHiddenCrash(outcome.result().failures());
            return outcome;
        } catch (InvocationFailedException e) {
            assertTrue(CODE.matcher(e.code()).matches(), "stable error code: " + e.code());
            List<String> failures = e.result() != null ? e.result().failures() : List.of(e.getMessage());
            assertNoHiddenCrash(failures);
            return new Outcome(null, e);
        } catch (RuntimeException | Error e) {
            fail("unchecked crash instead of a coded error: " + e, e);
            return null;
        }
    }

    private static void assertNoHiddenCrash(List<String> failures) {
        for (String failure : failures) {
            assertFalse(SINK_CRASH.matcher(failure).matches(), "a sink crashed: " + failure);
            assertFalse(failure.contains("eval_internal_error"), "the engine crashed: " + failure);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
