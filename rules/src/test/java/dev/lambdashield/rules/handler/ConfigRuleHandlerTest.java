package dev.lambdashield.rules.handler;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.testutils.ConfigServer;
import dev.lambdashield.rules.testutils.Fixtures;
import dev.lambdashield.rules.testutils.TestApplications;
import dev.lambdashield.rules.testutils.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.lambdashield.rules.testutils.ConfigServer.error;
import static dev.lambdashield.rules.testutils.ConfigServer.ok;
import static dev.lambdashield.rules.testutils.ConfigServer.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the rule (real policies, real engine, real SDK client) against a local server standing in for AWS
 * Config, for every message type and for the failures Config can return, and checks the request bodies.
 */
class ConfigRuleHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUT = "PutEvaluations";
    private static final String NO_FAILURES = "{\"FailedEvaluations\":[]}";

    private static ConfigServer server;

    @BeforeAll
    static void start() {
        server = new ConfigServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static String run(ConfigEvent event) {
        try (RuleApplication app = TestApplications.builder(server.endpoint(), null).build()) {
            return app.handleRequest(event, TestContext.generous("req-" + System.nanoTime()));
        }
    }

    private static JsonNode onlyPut() throws IOException {
        assertEquals(1, server.requests(PUT).size(), "PutEvaluations calls");
        return JSON.readTree(server.requests(PUT).get(0).getBodyAsString());
    }

    private static long epochMillis(JsonNode timestamp) {
        return Math.round(timestamp.asDouble() * 1000);
    }

    @Test
    void changeNotification_compliant_reportsCompliant() throws Exception {
        server.stub(PUT, ok(NO_FAILURES));

        String summary = run(Fixtures.event("change-compliant"));

        JsonNode body = onlyPut();
        assertEquals("eyJlbmNyeXB0ZWREYXRhIjpbLTEyLDQ1LDEwMV19-0001", body.get("ResultToken").asText());
        assertEquals(1, body.get("Evaluations").size());
        JsonNode evaluation = body.get("Evaluations").get(0);
        assertEquals("AWS::Lambda::Function", evaluation.get("ComplianceResourceType").asText());
        assertEquals("orders-api", evaluation.get("ComplianceResourceId").asText());
        assertEquals("COMPLIANT", evaluation.get("ComplianceType").asText());
        assertEquals(Instant.parse("2026-12-01T08:14:57.120Z").toEpochMilli(),
                epochMillis(evaluation.get("OrderingTimestamp")));
        assertTrue(summary.contains("\"COMPLIANT\":1"), summary);
    }

    @Test
    void oversizedNotification_fetchesHistoryThenReports() throws Exception {
        server.stub("GetResourceConfigHistory", ok(Fixtures.awsResponse("oversized", "GetResourceConfigHistory")));
        server.stub(PUT, ok(NO_FAILURES));

        run(Fixtures.event("oversized"));

        JsonNode history = JSON.readTree(server.requests("GetResourceConfigHistory").get(0).getBodyAsString());
        assertEquals("media-transcoder", history.get("resourceId").asText());
        assertEquals(1, history.get("limit").asInt());
        JsonNode evaluation = onlyPut().get("Evaluations").get(0);
        assertEquals("NON_COMPLIANT", evaluation.get("ComplianceType").asText());
        assertTrue(evaluation.get("Annotation").asText().startsWith("lambda-tracing-active: "),
                evaluation.toString());
        assertEquals(Instant.parse("2026-12-01T10:30:00Z").toEpochMilli(),
                epochMillis(evaluation.get("OrderingTimestamp")));
    }

    @Test
    void scheduledNotification_evaluatesInventoryAndRetiresGone() throws Exception {
        serve("periodic");
        server.stub(PUT, ok(NO_FAILURES));

        run(Fixtures.event("periodic"));

        JsonNode evaluations = onlyPut().get("Evaluations");
        assertEquals(3, evaluations.size());
        assertEquals("orders-api", evaluations.get(0).get("ComplianceResourceId").asText());
        assertEquals("COMPLIANT", evaluations.get(0).get("ComplianceType").asText());
        assertEquals("legacy-cron", evaluations.get(1).get("ComplianceResourceId").asText());
        assertEquals("NON_COMPLIANT", evaluations.get(1).get("ComplianceType").asText());
        assertEquals("retired-report-job", evaluations.get(2).get("ComplianceResourceId").asText());
        assertEquals("NOT_APPLICABLE", evaluations.get(2).get("ComplianceType").asText());
        long notified = Instant.parse("2026-12-01T08:15:42.311Z").toEpochMilli();
        for (JsonNode evaluation : evaluations) {
            assertEquals(notified, epochMillis(evaluation.get("OrderingTimestamp")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "deleted, old-thumbnailer, ResourceDeleted",
        "not-recorded, batch-exporter, ResourceNotRecorded",
        "deleted-not-recorded, scratch-fn, ResourceDeletedNotRecorded",
        "left-scope, orders-api, eventLeftScope",
        "other-resource-type, example-logs-123456789012, AWS::S3::Bucket"
    })
    void notApplicableEvents_reportNotApplicable(String fixture, String resourceId, String reason) throws Exception {
        server.stub(PUT, ok(NO_FAILURES));

        run(Fixtures.event(fixture));

        JsonNode evaluation = onlyPut().get("Evaluations").get(0);
        assertEquals(resourceId, evaluation.get("ComplianceResourceId").asText());
        assertEquals("NOT_APPLICABLE", evaluation.get("ComplianceType").asText());
        assertTrue(evaluation.get("Annotation").asText().contains(reason), evaluation.toString());
        assertEquals(1, server.server().getAllServeEvents().size(), "no read call for a decided item");
    }

    @Test
    void putEvaluations_throttled_retriedAndSucceeds() throws Exception {
        server.server().stubFor(operation(PUT).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "ThrottlingException")).willSetStateTo("again"));
        server.server().stubFor(operation(PUT).inScenario("t").whenScenarioStateIs("again")
                .willReturn(error(400, "ThrottlingException")).willSetStateTo("ok"));
        server.server().stubFor(operation(PUT).inScenario("t").whenScenarioStateIs("ok")
                .willReturn(ok(NO_FAILURES)));

        run(Fixtures.event("change-compliant"));

        assertEquals(3, server.requests(PUT).size());
        String first = server.requests(PUT).get(0).getBodyAsString();
        assertEquals(first, server.requests(PUT).get(2).getBodyAsString(), "the same request is re-sent");
    }

    @Test
    void putEvaluations_serverErrorPersists_invocationFails() {
        server.stub(PUT, error(503, "ServiceUnavailableException"));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> run(Fixtures.event("change-compliant")));

        assertEquals(TestApplications.QUICK.maxAttempts(), server.requests(PUT).size());
        assertTrue(e.getMessage().contains("orders-api"), e.getMessage());
    }

    @Test
    void failedEvaluations_persist_invocationFails() {
        server.stub(PUT, ok("{\"FailedEvaluations\":[{\"ComplianceResourceType\":\"AWS::Lambda::Function\","
                + "\"ComplianceResourceId\":\"orders-api\",\"ComplianceType\":\"COMPLIANT\","
                + "\"OrderingTimestamp\":1796113697.12}]}"));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> run(Fixtures.event("change-compliant")));

        assertTrue(e.getMessage().contains("PutEvaluations failed for AWS::Lambda::Function orders-api"),
                e.getMessage());
        assertTrue(server.requests(PUT).size() > 1, "failed evaluations are re-sent before giving up");
    }

    @Test
    void invalidParameter_noEvaluationSent() {
        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> run(Fixtures.event("invalid-parameter")));

        assertEquals("invalid_rule_parameter", e.code());
        assertTrue(e.getMessage().contains("'timeout'"), e.getMessage());
        assertTrue(server.server().getAllServeEvents().isEmpty());
    }

    @Test
    void policyError_resourceNotReported_othersAre(@TempDir Path policies) throws Exception {
        Files.writeString(policies.resolve("lambda_conflict_probe.rego"), String.join("\n",
                "# METADATA",
                "# title: Fails with a conflict for one function",
                "# custom:",
                "#   id: lambda-conflict-probe",
                "#   version: 0.0.1",
                "#   severity: LOW",
                "#   resource_types:",
                "#     - AWS::Lambda::Function",
                "package lambda_shield.lambda_conflict_probe",
                "",
                "mode := \"a\" if input.resource.resourceId == \"orders-api\"",
                "",
                "mode := \"b\" if input.resource.resourceId == \"orders-api\"",
                "",
                "deny contains {\"message\": \"mode is a\"} if mode == \"a\"",
                ""));
        serve("periodic");
        server.stub(PUT, ok(NO_FAILURES));
        ConfigEvent event = Fixtures.event("periodic");
        event.setRuleParameters(null);

        InvocationFailedException e;
        try (RuleApplication app = TestApplications.builder(server.endpoint(), null)
                .bundle(PolicyBundle.cached(policies)).build()) {
            e = assertThrows(InvocationFailedException.class,
                    () -> app.handleRequest(event, TestContext.generous("req-conflict")));
        }

        assertTrue(e.getMessage().contains("lambda-conflict-probe"), e.getMessage());
        assertTrue(e.getMessage().contains("lambda_conflict_probe.rego"), e.getMessage());
        JsonNode evaluations = onlyPut().get("Evaluations");
        List<String> ids = List.of(evaluations.get(0).get("ComplianceResourceId").asText(),
                evaluations.get(1).get("ComplianceResourceId").asText());
        assertEquals(2, evaluations.size());
        assertFalse(ids.contains("orders-api"), "a resource whose policy failed is never reported");
        assertEquals(List.of("legacy-cron", "retired-report-job"), ids);
    }

    @Test
    void scheduledNotification_lowTime_stopsWithoutReporting() {
        serve("periodic");
        ConfigEvent event = Fixtures.event("periodic");

        String summary;
        try (RuleApplication app = TestApplications.builder(server.endpoint(), null).build()) {
            summary = app.handleRequest(event, new TestContext("req-late", () -> 1_500L));
        }

        assertTrue(summary.contains("\"complete\":false"), summary);
        assertTrue(server.server().getAllServeEvents().isEmpty());
    }

    private static void serve(String fixture) {
        for (String operation : List.of("ListDiscoveredResources", "BatchGetResourceConfig",
                "GetComplianceDetailsByConfigRule")) {
            server.stub(operation, ok(Fixtures.awsResponse(fixture, operation)));
        }
    }
}
