package dev.lambdashield.rules.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.RetryPolicy;
import dev.lambdashield.rules.aws.SdkConfigApi;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.observe.Metrics;
import dev.lambdashield.rules.testutils.ConfigServer;
import dev.lambdashield.rules.testutils.Decisions;
import dev.lambdashield.rules.testutils.RecordingSleeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.lambdashield.rules.testutils.ConfigServer.error;
import static dev.lambdashield.rules.testutils.ConfigServer.ok;
import static dev.lambdashield.rules.testutils.ConfigServer.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigEvaluationSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CAPTURE = Instant.parse("2026-12-01T08:14:57.120Z");
    private static final String PUT = "PutEvaluations";

    private static ConfigServer server;
    private RecordingSleeper sleeper;
    private List<String> metricLines;
    private Metrics metrics;

    @BeforeAll
    static void startServer() {
        server = new ConfigServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void start() {
        server.reset();
        sleeper = new RecordingSleeper();
        metricLines = new ArrayList<>();
    }

    private ConfigEvaluationSink sink(Deadline deadline, DryRun dryRun) {
        Retry retry = new Retry(RetryPolicy.DEFAULT, deadline, sleeper, 7);
        metrics = new Metrics("LambdaShield", Map.of(Metrics.RULE, "lambda-shield-functions"),
                Clock.fixed(CAPTURE, ZoneOffset.UTC), metricLines::add);
        return new ConfigEvaluationSink(new SdkConfigApi(server.clients().config(), retry, dryRun), retry, metrics,
                Duration.ofSeconds(1));
    }

    private ConfigEvaluationSink sink() {
        return sink(Deadline.none(), DryRun.off());
    }

    private static Invocation invocation() {
        return new Invocation("req-1", "lambda-shield-functions", "123456789012", "us-east-1", "token-abc",
                "ConfigurationItemChangeNotification", CAPTURE, Deadline.none(), false);
    }

    private static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    private static List<ResourceDecision> decisions(int count) {
        List<ResourceDecision> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(i % 2 == 0 ? Decisions.compliant("fn-" + i, CAPTURE)
                    : Decisions.nonCompliant("fn-" + i, CAPTURE, "function fn-" + i + " has no active tracing"));
        }
        return list;
    }

    @Test
    void putEvaluations_250Decisions_sentInBatchesOf100() throws Exception {
        server.stub(PUT, ok("{\"FailedEvaluations\":[]}"));

        SinkOutcome outcome = sink().publish(invocation(), decisions(250));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(250, outcome.delivered());
        List<LoggedRequest> requests = server.requests(PUT);
        assertEquals(3, requests.size());
        assertEquals(100, body(requests.get(0)).get("Evaluations").size());
        assertEquals(100, body(requests.get(1)).get("Evaluations").size());
        assertEquals(50, body(requests.get(2)).get("Evaluations").size());
        JsonNode first = body(requests.get(0));
        assertEquals("token-abc", first.get("ResultToken").asText());
        JsonNode compliant = first.get("Evaluations").get(0);
        assertEquals("AWS::Lambda::Function", compliant.get("ComplianceResourceType").asText());
        assertEquals("fn-0", compliant.get("ComplianceResourceId").asText());
        assertEquals("COMPLIANT", compliant.get("ComplianceType").asText());
        assertEquals(CAPTURE.toEpochMilli(), Math.round(compliant.get("OrderingTimestamp").asDouble() * 1000));
        assertFalse(compliant.has("Annotation"));
        JsonNode nonCompliant = first.get("Evaluations").get(1);
        assertEquals("NON_COMPLIANT", nonCompliant.get("ComplianceType").asText());
        assertEquals("lambda-tracing-active: function fn-1 has no active tracing",
                nonCompliant.get("Annotation").asText());
    }

    @Test
    void putEvaluations_throttled_retriedWithBackoff() throws Exception {
        server.server().stubFor(operation(PUT).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "ThrottlingException")).willSetStateTo("second"));
        server.server().stubFor(operation(PUT).inScenario("throttle").whenScenarioStateIs("second")
                .willReturn(error(400, "ThrottlingException")).willSetStateTo("third"));
        server.server().stubFor(operation(PUT).inScenario("throttle").whenScenarioStateIs("third")
                .willReturn(ok("{\"FailedEvaluations\":[]}")));

        SinkOutcome outcome = sink().publish(invocation(), decisions(3));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(3, outcome.delivered());
        assertEquals(3, server.requests(PUT).size());
        assertEquals(2, sleeper.waits().size());
        assertTrue(sleeper.waits().get(0).compareTo(RetryPolicy.DEFAULT.capFor(1)) <= 0);
        assertTrue(sleeper.waits().get(1).compareTo(RetryPolicy.DEFAULT.capFor(2)) <= 0);
        for (LoggedRequest request : server.requests(PUT)) {
            assertEquals(3, body(request).get("Evaluations").size());
        }
    }

    @Test
    void putEvaluations_serverError_retried() {
        server.server().stubFor(operation(PUT).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(503, "ServiceUnavailableException")).willSetStateTo("ok"));
        server.server().stubFor(operation(PUT).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(ok("{\"FailedEvaluations\":[]}")));

        SinkOutcome outcome = sink().publish(invocation(), decisions(2));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(2, server.requests(PUT).size());
        assertEquals(1, sleeper.waits().size());
    }

    @Test
    void putEvaluations_serverErrorPersists_invocationFails() {
        server.stub(PUT, error(500, "InternalFailure"));

        SinkOutcome outcome = sink().publish(invocation(), decisions(2));

        assertFalse(outcome.succeeded());
        assertEquals(0, outcome.delivered());
        assertEquals(2, outcome.failures().size());
        assertEquals(RetryPolicy.DEFAULT.maxAttempts(), server.requests(PUT).size());
        metrics.flush();
        assertTrue(metricLines.stream().anyMatch(l -> l.contains("\"ReportFailures\":2")), metricLines.toString());
    }

    @Test
    void putEvaluations_validationError_notRetried() {
        server.stub(PUT, error(400, "InvalidResultTokenException"));

        SinkOutcome outcome = sink().publish(invocation(), decisions(1));

        assertFalse(outcome.succeeded());
        assertEquals(1, server.requests(PUT).size());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void failedEvaluations_resentAlone() throws Exception {
        String failed = "{\"FailedEvaluations\":[{\"ComplianceResourceType\":\"AWS::Lambda::Function\","
                + "\"ComplianceResourceId\":\"fn-1\",\"ComplianceType\":\"NON_COMPLIANT\","
                + "\"OrderingTimestamp\":1764576897.12}]}";
        server.server().stubFor(operation(PUT).inScenario("partial").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(failed)).willSetStateTo("ok"));
        server.server().stubFor(operation(PUT).inScenario("partial").whenScenarioStateIs("ok")
                .willReturn(ok("{\"FailedEvaluations\":[]}")));

        SinkOutcome outcome = sink().publish(invocation(), decisions(3));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(3, outcome.delivered());
        List<LoggedRequest> requests = server.requests(PUT);
        assertEquals(2, requests.size());
        JsonNode resent = body(requests.get(1)).get("Evaluations");
        assertEquals(1, resent.size());
        assertEquals("fn-1", resent.get(0).get("ComplianceResourceId").asText());
        assertEquals("lambda-tracing-active: function fn-1 has no active tracing",
                resent.get(0).get("Annotation").asText());
    }

    @Test
    void failedEvaluations_persist_invocationFails() {
        server.stub(PUT, ok("{\"FailedEvaluations\":[{\"ComplianceResourceType\":\"AWS::Lambda::Function\","
                + "\"ComplianceResourceId\":\"fn-0\",\"ComplianceType\":\"COMPLIANT\","
                + "\"OrderingTimestamp\":1764576897.12}]}"));

        SinkOutcome outcome = sink().publish(invocation(), decisions(2));

        assertFalse(outcome.succeeded());
        assertEquals(1, outcome.delivered());
        assertEquals(List.of("PutEvaluations failed for AWS::Lambda::Function fn-0"), outcome.failures());
        assertEquals(ConfigEvaluationSink.MAX_FAILED_ATTEMPTS, server.requests(PUT).size());
    }

    @Test
    void notEvaluatedDecision_neverSent() throws Exception {
        server.stub(PUT, ok("{\"FailedEvaluations\":[]}"));
        List<ResourceDecision> decisions = List.of(Decisions.compliant("fn-ok", CAPTURE),
                Decisions.notEvaluated("fn-broken", CAPTURE));

        SinkOutcome outcome = sink().publish(invocation(), decisions);

        assertEquals(1, outcome.delivered());
        JsonNode evaluations = body(server.requests(PUT).get(0)).get("Evaluations");
        assertEquals(1, evaluations.size());
        assertEquals("fn-ok", evaluations.get(0).get("ComplianceResourceId").asText());
    }

    @Test
    void lowRemainingTime_batchNotStarted() {
        server.stub(PUT, ok("{\"FailedEvaluations\":[]}"));
        Deadline almostOver = () -> Duration.ofMillis(200);

        SinkOutcome outcome = sink(almostOver, DryRun.off()).publish(invocation(), decisions(2));

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failures().get(0).contains("ran out of time"), outcome.failures().toString());
        assertTrue(server.requests(PUT).isEmpty());
    }

    @Test
    void dryRun_printsRequest_sendsNothing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        SinkOutcome outcome = sink(Deadline.none(), DryRun.printingTo(out)).publish(invocation(), decisions(2));

        assertTrue(outcome.succeeded());
        assertTrue(server.server().getAllServeEvents().isEmpty());
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length);
        JsonNode line = JSON.readTree(lines[0]);
        assertEquals("config", line.get("service").asText());
        assertEquals("PutEvaluations", line.get("operation").asText());
        JsonNode evaluations = line.get("request").get("Evaluations");
        assertEquals(2, evaluations.size());
        assertEquals("2026-12-01T08:14:57.120Z", evaluations.get(0).get("OrderingTimestamp").asText());
        assertEquals("NON_COMPLIANT", evaluations.get(1).get("ComplianceType").asText());
    }
}
