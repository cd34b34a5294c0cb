package dev.lambdashield.rules.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.SdkSsmApi;
import dev.lambdashield.rules.aws.SdkStepFunctionsApi;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.RemediationMode;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Severity;
import dev.lambdashield.rules.redact.Redactor;
import dev.lambdashield.rules.report.SinkOutcome;
import dev.lambdashield.rules.report.securityhub.SinkFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remediation sink against a local stand-in for SSM and Step Functions, through the real SDK clients. */
class RemediationSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SSM_START = "AmazonSSM.StartAutomationExecution";
    private static final String SFN_START = "AWSStepFunctions.StartExecution";
    private static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:lambda-shield-approval";

    private static WireMockServer server;
    private static AwsClients clients;
    private static SsmClient ssm;
    private static SfnClient sfn;

    private final List<Duration> waits = new ArrayList<>();
    private final Map<RemediationOutcome, Integer> counted = new EnumMap<>(RemediationOutcome.class);

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        clients = SinkFixtures.clients(server.baseUrl());
        ssm = clients.ssm();
        sfn = clients.stepFunctions();
    }

    @AfterAll
    static void stopServer() {
        ssm.close();
        sfn.close();
        clients.close();
        server.stop();
    }

    @BeforeEach
    void stubs() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SSM_START))
                .willReturn(okJson("{\"AutomationExecutionId\":\"4105a4fc-f944-11e6-9d32-0123456789ab\"}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SFN_START))
                .willReturn(okJson("{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:x:y\","
                        + "\"startDate\":1764849600.0}")));
    }

    private RemediationSettings settings(RemediationSwitch mode) {
        return new RemediationSettings(mode, 10, RemediationSettings.DEFAULT_EXEMPTION_TAG, List.of("sandbox-*"),
                STATE_MACHINE, "arn:aws:iam::123456789012:role/lambda-shield-remediation");
    }

    private RemediationSink sink(RemediationSettings settings, DryRun dryRun) {
        return new RemediationSink(new SdkSsmApi(ssm, SinkFixtures.fastRetry(waits), dryRun),
                new SdkStepFunctionsApi(sfn, SinkFixtures.fastRetry(waits), dryRun), settings, dryRun.enabled(),
                Redactor.create(), (outcome, policy) -> counted.merge(outcome, 1, Integer::sum));
    }

    private RemediationSink liveSink() {
        return sink(settings(RemediationSwitch.ON), DryRun.off());
    }

    private static List<JsonNode> requests(String target) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target)))) {
            bodies.add(JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    private static PolicyMetadata approvalPolicy() {
        return SinkFixtures.policy("lambda-public-access-blocked", Severity.CRITICAL, RemediationMode.APPROVAL,
                "LambdaShield-RemovePublicPermission", Map.of("FunctionName", "configuration.functionName",
                        "StatementId", "=public-invoke"));
    }

    private static PolicyMetadata manualPolicy() {
        return SinkFixtures.policy("lambda-runtime-supported", Severity.MEDIUM, RemediationMode.MANUAL, null, Map.of());
    }

    @Test
    void autoMode_startsAutomationWithResolvedParameters() throws Exception {
        RemediationSink sink = liveSink();

        SinkOutcome outcome = sink.publish(invocation(false),
                List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough"))));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        List<JsonNode> starts = requests(SSM_START);
        assertEquals(1, starts.size());
        JsonNode start = starts.get(0);
        assertEquals("AWSConfigRemediation-ConfigureLambdaFunctionXRayTracing", start.path("DocumentName").asText());
        assertEquals("orders-api", start.path("Parameters").path("FunctionName").get(0).asText());
        assertEquals("arn:aws:iam::123456789012:role/lambda-shield-remediation",
                start.path("Parameters").path("AutomationAssumeRole").get(0).asText());
        assertTrue(start.path("ClientToken").asText()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), start.toString());
        RemediationRecord record = sink.records().get(0);
        assertEquals(RemediationOutcome.STARTED, record.outcome());
        assertTrue(record.reason().contains("4105a4fc-f944-11e6-9d32-0123456789ab"));
        assertEquals(1, counted.get(RemediationOutcome.STARTED));
    }

    @Test
    void approvalMode_startsStateMachineWithDeterministicName() throws Exception {
        RemediationSink sink = liveSink();
        ResourceDecision decision = decision(item("orders-api"), denied(approvalPolicy(), "function is public"));

        sink.publish(invocation(false), List.of(decision));
        sink.publish(invocation(false), List.of(decision));

        List<JsonNode> starts = requests(SFN_START);
        assertEquals(2, starts.size());
        JsonNode start = starts.get(0);
        assertEquals(STATE_MACHINE, start.path("stateMachineArn").asText());
        String name = start.path("name").asText();
        assertTrue(name.matches("[A-Za-z0-9_-]{1,80}"), name);
        assertTrue(name.startsWith("ls-lambda-public-access-blocked-"), name);
        assertEquals(name, starts.get(1).path("name").asText());
        assertEquals(start.path("input").asText(), starts.get(1).path("input").asText(), "input is deterministic");
        JsonNode input = JSON.readTree(start.path("input").asText());
        assertEquals("LambdaShield-RemovePublicPermission", input.path("document").asText());
        assertEquals("public-invoke", input.path("parameters").path("StatementId").get(0).asText());
        assertEquals("orders-api", input.path("parameters").path("FunctionName").get(0).asText());
        assertEquals("lambda-shield/us-east-1/123456789012/lambda-public-access-blocked/orders-api",
                input.path("findingId").asText());
        assertTrue(requests(SSM_START).isEmpty(), "approval never starts the document directly");
    }

    @Test
    void approvalWithoutStateMachine_rejected() throws Exception {
        RemediationSettings noStateMachine = new RemediationSettings(RemediationSwitch.ON, 10,
                RemediationSettings.DEFAULT_EXEMPTION_TAG, List.of(), null, null);
        RemediationSink sink = sink(noStateMachine, DryRun.off());

        SinkOutcome outcome = sink.publish(invocation(false),
                List.of(decision(item("orders-api"), denied(approvalPolicy(), "function is public"))));

        assertTrue(outcome.succeeded());
        assertEquals(RemediationOutcome.REJECTED, sink.records().get(0).outcome());
        assertTrue(sink.records().get(0).reason().contains(RemediationSettings.APPROVAL_STATE_MACHINE_ARN));
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void manualMode_onlyRecommends() {
        RemediationSink sink = liveSink();

        sink.publish(invocation(false), List.of(decision(item("orders-api"), denied(manualPolicy(), "runtime is old"))));

        assertEquals(RemediationOutcome.RECOMMENDED, sink.records().get(0).outcome());
        assertEquals(1, counted.get(RemediationOutcome.RECOMMENDED));
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void switchOff_skipsEverything() {
        RemediationSink sink = sink(settings(RemediationSwitch.OFF), DryRun.off());

        sink.publish(invocation(false),
                List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough"))));

        assertEquals(RemediationOutcome.SKIPPED, sink.records().get(0).outcome());
        assertEquals("remediation is switched off", sink.records().get(0).reason());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void dryRunSwitch_printsStartAndSendsNothing() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DryRun dryRun = DryRun.printingTo(new PrintStream(printed, true, StandardCharsets.UTF_8));
        RemediationSink sink = sink(settings(RemediationSwitch.DRY_RUN), dryRun);

        SinkOutcome outcome = sink.publish(invocation(false), List.of(
                decision(item("orders-api"), denied(tracingPolicy(), "tracing mode is PassThrough")),
                decision(item("billing-api"), denied(approvalPolicy(), "function is public"))));

        assertTrue(outcome.succeeded());
        assertEquals(0, server.getAllServeEvents().size());
        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals("states", first.path("service").asText(), "the CRITICAL policy goes first");
        assertEquals("StartExecution", first.path("operation").asText());
        JsonNode second = JSON.readTree(lines[1]);
        assertEquals("ssm", second.path("service").asText());
        assertEquals("StartAutomationExecution", second.path("operation").asText());
        assertEquals("billing-api", JSON.readTree(first.path("request").path("input").asText())
                .path("resourceId").asText());
        assertTrue(second.path("request").path("ClientToken").asText().length() == 36);
        assertEquals(2, counted.get(RemediationOutcome.DRY_RUN));
    }

    @Test
    void exemptionTag_skipsNamedPolicyOnly() throws Exception {
        ObjectNode tagged = item("orders-api", Map.of(), Map.of("lambda-shield:exempt", "lambda-tracing-active"));
        RemediationSink sink = liveSink();

        sink.publish(invocation(false), List.of(decision(tagged,
                denied(tracingPolicy(), "tracing mode is PassThrough"), denied(approvalPolicy(), "function is public"))));

        Map<String, RemediationRecord> byPolicy = new java.util.HashMap<>();
        sink.records().forEach(r -> byPolicy.put(r.policyId(), r));
        assertEquals(RemediationOutcome.SKIPPED, byPolicy.get("lambda-tracing-active").outcome());
        assertTrue(byPolicy.get("lambda-tracing-active").reason().contains("lambda-shield:exempt"));
        assertEquals(RemediationOutcome.STARTED, byPolicy.get("lambda-public-access-blocked").outcome());
        assertTrue(requests(SSM_START).isEmpty());
        assertEquals(1, requests(SFN_START).size());
    }

    @Test
    void exemptionTagAll_skipsEveryPolicy() {
        ObjectNode tagged = item("orders-api", Map.of(), Map.of("lambda-shield:exempt", "all"));
        RemediationSink sink = liveSink();

        sink.publish(invocation(false), List.of(decision(tagged,
                denied(tracingPolicy(), "tracing mode is PassThrough"), denied(approvalPolicy(), "function is public"))));

        assertEquals(2, sink.records().size());
        sink.records().forEach(r -> assertEquals(RemediationOutcome.SKIPPED, r.outcome()));
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void exemptFunctionName_skipped() {
        RemediationSink sink = liveSink();

        sink.publish(invocation(false),
                List.of(decision(item("sandbox-demo"), denied(tracingPolicy(), "tracing mode is PassThrough"))));

        assertEquals(RemediationOutcome.SKIPPED, sink.records().get(0).outcome());
        assertTrue(sink.records().get(0).reason().contains("sandbox-*"));
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void cap_startsTenAndReportsTheRest() throws Exception {
        List<ResourceDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            decisions.add(decision(item(String.format("fn-%02d", i)), denied(tracingPolicy(), "tracing off")));
        }
        RemediationSink sink = liveSink();

        SinkOutcome outcome = sink.publish(invocation(false), decisions);

        assertTrue(outcome.succeeded());
        assertEquals(10, requests(SSM_START).size());
        List<RemediationRecord> skipped = sink.records().stream()
                .filter(r -> r.outcome() == RemediationOutcome.SKIPPED).toList();
        assertEquals(2, skipped.size());
        assertEquals(List.of("fn-10", "fn-11"), skipped.stream().map(RemediationRecord::resourceId).toList());
        assertTrue(skipped.get(0).reason().contains("cap of 10"));
        assertEquals(10, counted.get(RemediationOutcome.STARTED));
        assertEquals(2, counted.get(RemediationOutcome.SKIPPED));
    }

    @Test
    void repeatedEvent_sameClientToken() throws Exception {
        RemediationSink sink = liveSink();

        sink.publish(invocation(false), List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing off"))));
        sink.publish(invocation(false), List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing off"))));
        ObjectNode changed = item("orders-api");
        ((ObjectNode) changed.path("configuration")).put("memorySize", 512);
        sink.publish(invocation(false), List.of(decision(changed, denied(tracingPolicy(), "tracing off"))));

        List<JsonNode> starts = requests(SSM_START);
        assertEquals(3, starts.size());
        assertEquals(starts.get(0).path("ClientToken").asText(), starts.get(1).path("ClientToken").asText());
        assertNotEquals(starts.get(0).path("ClientToken").asText(), starts.get(2).path("ClientToken").asText());
    }

    @Test
    void reusedClientToken_reportedAlreadyStarted() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SSM_START))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"IdempotentParameterMismatch\",\"Message\":\"token reused\"}")));
        RemediationSink sink = liveSink();

        SinkOutcome outcome = sink.publish(invocation(false),
                List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing off"))));

        assertTrue(outcome.succeeded());
        assertEquals(RemediationOutcome.ALREADY_STARTED, sink.records().get(0).outcome());
    }

    @Test
    void existingExecutionName_reportedAlreadyStarted() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SFN_START))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"exists\"}")));
        RemediationSink sink = liveSink();

        SinkOutcome outcome = sink.publish(invocation(false),
                List.of(decision(item("orders-api"), denied(approvalPolicy(), "function is public"))));

        assertTrue(outcome.succeeded());
        assertEquals(RemediationOutcome.ALREADY_STARTED, sink.records().get(0).outcome());
    }

    @Test
    void throttledStart_retriedAndStarted() throws Exception {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SSM_START)).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}"))
                .willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SSM_START)).inScenario("throttle")
                .whenScenarioStateIs("ok")
                .willReturn(okJson("{\"AutomationExecutionId\":\"4105a4fc-f944-11e6-9d32-0123456789ab\"}")));
        RemediationSink sink = liveSink();

        SinkOutcome outcome = sink.publish(invocation(false),
                List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing off"))));

        assertTrue(outcome.succeeded(), outcome.failures().toString());
        List<JsonNode> starts = requests(SSM_START);
        assertEquals(2, starts.size());
        assertEquals(starts.get(0).path("ClientToken").asText(), starts.get(1).path("ClientToken").asText());
        assertEquals(RemediationOutcome.STARTED, sink.records().get(0).outcome());
        assertEquals(1, waits.size());
    }

    @Test
    void serverErrors_failInvocation() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SSM_START))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"InternalServerError\",\"Message\":\"boom\"}")));
        RemediationSink sink = liveSink();

        SinkOutcome outcome = sink.publish(invocation(false),
                List.of(decision(item("orders-api"), denied(tracingPolicy(), "tracing off"))));

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failures().get(0).startsWith("REMEDIATION_START_FAILED"), outcome.failures().toString());
        assertEquals(RemediationOutcome.FAILED, sink.records().get(0).outcome());
        assertEquals(1, counted.get(RemediationOutcome.FAILED));
    }

    @Test
    void environmentParameter_rejected() {
        PolicyMetadata leaky = SinkFixtures.policy("lambda-leaky", Severity.HIGH, RemediationMode.AUTO, "Doc",
                Map.of("Value", "configuration.environment.variables.DB_PASSWORD"));
        RemediationSink sink = liveSink();

        sink.publish(invocation(false), List.of(decision(item("orders-api"), denied(leaky, "bad"))));

        assertEquals(RemediationOutcome.REJECTED, sink.records().get(0).outcome());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void missingParameterPath_rejected() {
        PolicyMetadata broken = SinkFixtures.policy("lambda-broken", Severity.HIGH, RemediationMode.AUTO, "Doc",
                Map.of("FunctionName", "configuration.nameOfFunction"));
        RemediationSink sink = liveSink();

        sink.publish(invocation(false), List.of(decision(item("orders-api"), denied(broken, "bad"))));

        assertEquals(RemediationOutcome.REJECTED, sink.records().get(0).outcome());
        assertTrue(sink.records().get(0).reason().contains("configuration.nameOfFunction"));
    }

    @Test
    void compliantFunction_noCandidates() {
        RemediationSink sink = liveSink();

        SinkOutcome outcome = sink.publish(invocation(false), List.of(decision(item("orders-api"), passed(tracingPolicy()))));

        assertTrue(outcome.succeeded());
        assertTrue(sink.records().isEmpty());
        assertEquals(0, server.getAllServeEvents().size());
    }
}
