package dev.lambdashield.rules.report.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.SdkSecurityHubApi;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Severity;
import dev.lambdashield.rules.observe.Metrics;
import dev.lambdashield.rules.redact.Redactor;
import dev.lambdashield.rules.report.SinkOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.lambdashield.rules.report.securityhub.SinkFixtures.decision;
import static dev.lambdashield.rules.report.securityhub.SinkFixtures.denied;
import static dev.lambdashield.rules.report.securityhub.SinkFixtures.invocation;
import static dev.lambdashield.rules.report.securityhub.SinkFixtures.item;
import static dev.lambdashield.rules.report.securityhub.SinkFixtures.passed;
import static dev.lambdashield.rules.report.securityhub.SinkFixtures.tracingPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The findings sink against a local stand-in for Security Hub, through the real SDK client. */
class SecurityHubSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String TRACING_ID =
            "lambda-shield/us-east-1/123456789012/lambda-tracing-active/orders-api";
    private static final String IMPORT = "/findings/import";
    private static final String GET = "/findings";
    private static final String UPDATE = "/findings/batchupdate";

    private static WireMockServer server;
    private static AwsClients clients;
    private static SecurityHubClient securityHub;
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> metricLines = new ArrayList<>();
    private Metrics metrics;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        clients = SinkFixtures.clients(server.baseUrl());
        securityHub = clients.securityHub();
    }

    @AfterAll
    static void stop() {
        clients.close();
        server.stop();
    }

    @BeforeEach
    void stubs() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(GET)).willReturn(okJson("{\"Findings\":[]}")));
        server.stubFor(post(urlEqualTo(IMPORT)).willReturn(okJson("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}")));
        server.stubFor(WireMock.patch(urlEqualTo(UPDATE))
                .willReturn(okJson("{\"ProcessedFindings\":[],\"UnprocessedFindings\":[]}")));
    }

    private SecurityHubSink sink(DryRun dryRun, List<PolicyMetadata> selected) {
        SdkSecurityHubApi api = new SdkSecurityHubApi(securityHub, SinkFixtures.fastRetry(waits), dryRun);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        metrics = new Metrics("LambdaShield", Map.of(), clock, metricLines::add);
        return new SecurityHubSink(api, SinkFixtures.fastRetry(waits), Redactor.create(), clock, metrics, selected);
    }

    private SinkOutcome publish(ResourceDecision... decisions) {
        return sink(DryRun.off(), List.of(tracingPolicy())).publish(invocation(false), List.of(decisions));
    }

    private List<JsonNode> imported() throws Exception {
        List<JsonNode> findings = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo(IMPORT)))) {
            JSON.readTree(request.getBodyAsString()).path("Findings").forEach(findings::add);
        }
        return findings;
    }

    private void storedFinding(String id, String createdAt, String updatedAt, String status, String recordState) {
        server.stubFor(post(urlEqualTo(GET)).willReturn(okJson("{\"Findings\":[{\"Id\":\"" + id
                + "\",\"ProductArn\":\"arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default\","
                + "\"CreatedAt\":\"" + createdAt + "\",\"UpdatedAt\":\"" + updatedAt + "\",\"Compliance\":{\"Status\":\""
                + status + "\"},\"RecordState\":\"" + recordState + "\"}]}")));
    }

    @Test
    void newViolation_createsFailedFinding() throws Exception {
        SinkOutcome outcome = publish(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(1, outcome.delivered());
        List<JsonNode> findings = imported();
        assertEquals(1, findings.size());
        JsonNode f = findings.get(0);
        assertEquals("2018-10-08", f.path("SchemaVersion").asText());
        assertEquals(TRACING_ID, f.path("Id").asText());
        assertEquals("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default",
                f.path("ProductArn").asText());
        assertEquals("lambda-tracing-active", f.path("GeneratorId").asText());
        assertEquals("123456789012", f.path("AwsAccountId").asText());
        assertTrue(f.path("Types").get(0).asText().startsWith("Software and Configuration Checks/"));
        assertEquals("LOW", f.path("Severity").path("Label").asText());
        assertEquals("LOW", f.path("FindingProviderFields").path("Severity").path("Label").asText());
        assertEquals("Lambda functions have X-Ray active tracing enabled", f.path("Title").asText());
        assertTrue(f.path("Description").asText().contains("tracing mode is PassThrough"));
        assertEquals("Enable active tracing in the function's monitoring settings.",
                f.path("Remediation").path("Recommendation").path("Text").asText());
        assertEquals("https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
                f.path("Remediation").path("Recommendation").path("Url").asText());
        assertEquals(NOW.toString(), f.path("CreatedAt").asText());
        assertEquals(NOW.toString(), f.path("UpdatedAt").asText());
        assertEquals("FAILED", f.path("Compliance").path("Status").asText());
        assertEquals("ACTIVE", f.path("RecordState").asText());
        assertEquals("NEW", f.path("Workflow").path("Status").asText());
        assertEquals(RULE_NAME, f.path("ProductFields").path("RuleName").asText());
        assertEquals("1.2.0", f.path("ProductFields").path("PolicyVersion").asText());
    }

    private static final String RULE_NAME = SinkFixtures.RULE;

    @Test
    void newViolation_resourceDetailsOmitEnvironment() throws Exception {
        publish(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        JsonNode resource = imported().get(0).path("Resources").get(0);
        assertEquals("AwsLambdaFunction", resource.path("Type").asText());
        assertEquals(SinkFixtures.arn("orders-api"), resource.path("Id").asText());
        assertEquals("aws", resource.path("Partition").asText());
        JsonNode details = resource.path("Details").path("AwsLambdaFunction");
        assertEquals("orders-api", details.path("FunctionName").asText());
        assertEquals("python3.12", details.path("Runtime").asText());
        assertEquals(256, details.path("MemorySize").asInt());
        assertEquals("PassThrough", details.path("TracingConfig").path("Mode").asText());
        assertEquals("subnet-0a1b2c3d", details.path("VpcConfig").path("SubnetIds").get(0).asText());
        assertTrue(details.path("Environment").isMissingNode(), details.toString());
        assertTrue(details.path("Code").isMissingNode(), details.toString());
    }

    @Test
    void repeatedViolation_keepsCreatedAtAndMovesUpdatedAt() throws Exception {
        storedFinding(TRACING_ID, "2026-11-01T08:00:00.000Z", "2026-12-03T08:00:00.000Z", "FAILED", "ACTIVE");

        SinkOutcome outcome = publish(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        JsonNode f = imported().get(0);
        assertEquals("2026-11-01T08:00:00.000Z", f.path("CreatedAt").asText());
        assertEquals("2026-11-01T08:00:00.000Z", f.path("FirstObservedAt").asText());
        assertEquals(NOW.toString(), f.path("UpdatedAt").asText());
        JsonNode lookup = JSON.readTree(server.findAll(postRequestedFor(urlEqualTo(GET))).get(0).getBodyAsString());
        JsonNode filters = lookup.path("Filters");
        assertEquals(SinkFixtures.arn("orders-api"), filters.path("ResourceId").get(0).path("Value").asText());
        assertEquals("EQUALS", filters.path("ResourceId").get(0).path("Comparison").asText());
        assertEquals("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default",
                filters.path("ProductArn").get(0).path("Value").asText());
    }

    @Test
    void storedUpdatedAtAhead_updatedAtStillMovesForward() throws Exception {
        storedFinding(TRACING_ID, "2026-11-01T08:00:00Z", "2026-12-04T12:00:05Z", "FAILED", "ACTIVE");

        publish(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        assertEquals("2026-12-04T12:00:05.001Z", imported().get(0).path("UpdatedAt").asText());
    }

    @Test
    void compliantAgain_reimportsPassedAndResolves() throws Exception {
        storedFinding(TRACING_ID, "2026-11-01T08:00:00Z", "2026-12-03T08:00:00Z", "FAILED", "ACTIVE");

        SinkOutcome outcome = publish(decision(item("orders-api"), passed(tracingPolicy())));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        JsonNode f = imported().get(0);
        assertEquals(TRACING_ID, f.path("Id").asText());
        assertEquals("PASSED", f.path("Compliance").path("Status").asText());
        assertEquals("ACTIVE", f.path("RecordState").asText());
        assertEquals("2026-11-01T08:00:00Z", f.path("CreatedAt").asText());
        List<LoggedRequest> updates = server.findAll(WireMock.patchRequestedFor(urlEqualTo(UPDATE)));
        assertEquals(1, updates.size());
        JsonNode update = JSON.readTree(updates.get(0).getBodyAsString());
        assertEquals("RESOLVED", update.path("Workflow").path("Status").asText());
        assertEquals(TRACING_ID, update.path("FindingIdentifiers").get(0).path("Id").asText());
    }

    @Test
    void compliantWithoutFinding_importsNothing() throws Exception {
        SinkOutcome outcome = publish(decision(item("orders-api"), passed(tracingPolicy())));

        assertTrue(outcome.succeeded());
        assertTrue(imported().isEmpty());
        assertEquals(0, server.findAll(WireMock.patchRequestedFor(urlEqualTo(UPDATE))).size());
    }

    @Test
    void alreadyPassed_importsNothing() throws Exception {
        storedFinding(TRACING_ID, "2026-11-01T08:00:00Z", "2026-12-03T08:00:00Z", "PASSED", "ACTIVE");

        publish(decision(item("orders-api"), passed(tracingPolicy())));

        assertTrue(imported().isEmpty());
    }

    @Test
    void deletedFunction_archivesSelectedPoliciesOnly() throws Exception {
        storedFinding(TRACING_ID, "2026-11-01T08:00:00Z", "2026-12-03T08:00:00Z", "FAILED", "ACTIVE");
        PolicyMetadata other = SinkFixtures.policy("lambda-runtime-supported", Severity.MEDIUM, null, null, Map.of());

        SinkOutcome outcome = sink(DryRun.off(), List.of(tracingPolicy(), other))
                .publish(invocation(false), List.of(SinkFixtures.deleted("orders-api")));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        List<JsonNode> findings = imported();
        assertEquals(1, findings.size(), "only the stored finding is archived");
        JsonNode f = findings.get(0);
        assertEquals(TRACING_ID, f.path("Id").asText());
        assertEquals("ARCHIVED", f.path("RecordState").asText());
        assertEquals("NOT_AVAILABLE", f.path("Compliance").path("Status").asText());
        assertEquals(SinkFixtures.arn("orders-api"), f.path("Resources").get(0).path("Id").asText());
        JsonNode lookup = JSON.readTree(server.findAll(postRequestedFor(urlEqualTo(GET))).get(0).getBodyAsString());
        assertEquals(1, lookup.path("Filters").path("ResourceId").size(), "one lookup covers every policy");
        assertEquals(SinkFixtures.arn("orders-api"),
                lookup.path("Filters").path("ResourceId").get(0).path("Value").asText(), "ARN derived from the name");
    }

    @Test
    void notEvaluatedDecision_sendsNothing() {
        ResourceDecision failed = new ResourceDecision(item("orders-api"), "AWS::Lambda::Function", "orders-api",
                SinkFixtures.arn("orders-api"), dev.lambdashield.rules.evaluate.Compliance.NOT_EVALUATED,
                List.of(denied(tracingPolicy(), "tracing mode is PassThrough")), SinkFixtures.CAPTURE, "policy error");

        SinkOutcome outcome = publish(failed);

        assertTrue(outcome.succeeded());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void failedFinding_retriedByIdUntilAccepted() throws Exception {
        server.stubFor(post(urlEqualTo(IMPORT)).inScenario("partial").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"FailedCount\":1,\"SuccessCount\":1,\"FailedFindings\":[{\"Id\":\""
                        + "lambda-shield/us-east-1/123456789012/lambda-tracing-active/billing-api"
                        + "\",\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}"))
                .willSetStateTo("second"));
        server.stubFor(post(urlEqualTo(IMPORT)).inScenario("partial").whenScenarioStateIs("second")
                .willReturn(okJson("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}")));

        SinkOutcome outcome = publish(
                decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")),
                decision(item("billing-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(2, outcome.delivered());
        List<LoggedRequest> calls = server.findAll(postRequestedFor(urlEqualTo(IMPORT)));
        assertEquals(2, calls.size());
        JsonNode retried = JSON.readTree(calls.get(1).getBodyAsString()).path("Findings");
        assertEquals(1, retried.size());
        assertTrue(retried.get(0).path("Id").asText().endsWith("/billing-api"));
        assertEquals(1, waits.size(), "one backoff before the re-send");
    }

    @Test
    void findingRejectedEveryTime_failsInvocation() throws Exception {
        server.stubFor(post(urlEqualTo(IMPORT)).willReturn(okJson("{\"FailedCount\":1,\"SuccessCount\":0,"
                + "\"FailedFindings\":[{\"Id\":\"" + TRACING_ID + "\",\"ErrorCode\":\"InvalidInput\","
                + "\"ErrorMessage\":\"Finding does not adhere to ASFF\"}]}")));

        SinkOutcome outcome = publish(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        assertFalse(outcome.succeeded());
        assertEquals(0, outcome.delivered());
        assertTrue(outcome.failures().get(0).contains(TRACING_ID), outcome.failures().toString());
        assertTrue(outcome.failures().get(0).contains("InvalidInput"), outcome.failures().toString());
        assertEquals(4, server.findAll(postRequestedFor(urlEqualTo(IMPORT))).size(), "max attempts of the policy");
        metrics.flush();
        assertEquals(1, metricLines.size(), metricLines.toString());
        JsonNode line = JSON.readTree(metricLines.get(0));
        assertEquals(1, line.path("ReportFailures").asInt());
        assertEquals("securityhub", line.path("Sink").asText());
    }

    @Test
    void throttledImport_retriedAndDelivered() throws Exception {
        server.stubFor(post(urlEqualTo(IMPORT)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Rate exceeded\"}"))
                .willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo(IMPORT)).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}")));

        SinkOutcome outcome = publish(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(2, server.findAll(postRequestedFor(urlEqualTo(IMPORT))).size());
        assertEquals(1, imported().stream().map(f -> f.path("Id").asText()).distinct().count());
    }

    @Test
    void throttledForever_failsInvocation() {
        server.stubFor(post(urlEqualTo(IMPORT)).willReturn(aResponse().withStatus(429)
                .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Rate exceeded\"}")));

        SinkOutcome outcome = publish(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")));

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failures().get(0).startsWith("SECURITYHUB_IMPORT_FAILED"), outcome.failures().toString());
    }

    @Test
    void manyFindings_splitIntoCallsOfAtMostHundred() throws Exception {
        List<ResourceDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            decisions.add(decision(item("fn-" + i), denied(tracingPolicy(), "tracing mode is PassThrough")));
        }

        SinkOutcome outcome = sink(DryRun.off(), List.of(tracingPolicy())).publish(invocation(false), decisions);

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        assertEquals(250, outcome.delivered());
        List<LoggedRequest> calls = server.findAll(postRequestedFor(urlEqualTo(IMPORT)));
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest call : calls) {
            sizes.add(JSON.readTree(call.getBodyAsString()).path("Findings").size());
        }
        assertEquals(List.of(100, 100, 50), sizes);
        assertEquals(13, server.findAll(postRequestedFor(urlEqualTo(GET))).size(), "lookups of 20 functions each");
    }

    @Test
    void dryRun_printsImportAndSendsNothing() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DryRun dryRun = DryRun.printingTo(new PrintStream(printed, true, StandardCharsets.UTF_8));

        SinkOutcome outcome = sink(dryRun, List.of(tracingPolicy())).publish(invocation(true),
                List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough"))));

        assertTrue(outcome.succeeded());
        assertEquals(0, server.getAllServeEvents().size());
        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length);
        JsonNode line = JSON.readTree(lines[0]);
        assertEquals("securityhub", line.path("service").asText());
        assertEquals("BatchImportFindings", line.path("operation").asText());
        assertEquals(TRACING_ID, line.path("request").path("Findings").get(0).path("Id").asText());
    }
}
