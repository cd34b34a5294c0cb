package dev.lambdashield.rules.policies;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.enrich.AwsStubs;
import dev.lambdashield.rules.enrich.FunctionTarget;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.handler.StandardSinks;
import dev.lambdashield.rules.settings.Settings;
import dev.lambdashield.rules.testutils.Fixtures;
import dev.lambdashield.rules.testutils.RecordingSleeper;
import dev.lambdashield.rules.testutils.TestApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every configuration item under {@code test-fixtures/items/<policy-id>/} through the real Config rule
 * handler, {@link RuleApplication}, in dry-run. Each item is wrapped in a ConfigurationItemChangeNotification
 * event whose rule parameters select only that policy, plus the fixture's {@code <case>.parameters.json}.
 * The printed PutEvaluations request must contain one evaluation for the item's resource. Its compliance type must
 * be the one the file name states ({@code compliant-*} or {@code noncompliant-*}).
 *
 * <p>Fixtures with a {@code <case>.aws.json} need Lambda and IAM enrichment. For those, a local WireMock server
 * returns the recorded responses through {@link AwsStubs}, and the settings turn enrichment on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyFixtureHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String RULE_NAME = "lambda-shield-fixtures";

    private WireMockServer server;

    static Stream<Path> fixtures() throws IOException {
        return PolicyFixtureDecisionTest.fixtures();
    }

    @BeforeAll
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void handler_reportsFileNameCompliance(Path fixture) throws Exception {
        String policyId = fixture.getParent().getFileName().toString();
        String caseName = fixture.getFileName().toString().replaceFirst("\\.json$", "");
        assertTrue(caseName.startsWith("compliant-") || caseName.startsWith("noncompliant-"),
                fixture + ": name must start with compliant- or noncompliant-");
        String expected = caseName.startsWith("noncompliant-") ? "NON_COMPLIANT" : "COMPLIANT";
        JsonNode item = Fixtures.json(fixture);
        Path awsFile = fixture.resolveSibling(caseName + ".aws.json");

        server.resetAll();
        boolean enrich = Files.exists(awsFile);
        if (enrich) {
            FunctionTarget target = FunctionTarget.fromItem(item);
            AwsStubs.stub(server, target.functionName(), target.roleName().orElseThrow(), Fixtures.json(awsFile));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RuleApplication app = application(enrich, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            app.run(event(item, ruleParameters(fixture, policyId, caseName)), "fixture-" + caseName, Deadline.none());
        }

        List<JsonNode> evaluations = printedEvaluations(out);
        assertEquals(1, evaluations.size(), fixture + ": printed evaluations " + evaluations);
        JsonNode evaluation = evaluations.get(0);
        assertEquals(item.get("resourceId").asText(), evaluation.path("ComplianceResourceId").asText(),
                fixture + ": " + evaluation);
        assertEquals(expected, evaluation.path("ComplianceType").asText(), fixture + ": " + evaluation);
        assertFalse(configWriteReachedServer(), fixture + ": dry-run sent a write to AWS Config");
        if (enrich) {
            assertFalse(server.getAllServeEvents().isEmpty(), fixture + ": enrichment read nothing from Lambda or IAM");
        }
    }

    private RuleApplication application(boolean enrich, PrintStream dryRunOut) {
        AwsEndpoint endpoint = new AwsEndpoint(Region.US_EAST_1, URI.create("http://127.0.0.1:" + server.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real")));
        Settings settings = TestApplications.settings(endpoint).toBuilder()
                .dryRun(true).securityHub(false).enrichment(enrich).build();
        return RuleApplication.builder(settings).bundle(TestApplications.bundle()).dryRun(dryRunOut)
                .sinks(List.of(StandardSinks.config())).retryPolicy(TestApplications.QUICK)
                .sleeper(new RecordingSleeper()).build();
    }

    /** Builds the rule parameters JSON string from the fixture's policy id and its {@code .parameters.json}. */
    private static String ruleParameters(Path fixture, String policyId, String caseName) throws IOException {
        ObjectNode parameters = JSON.createObjectNode();
        parameters.put("policies", policyId);
        Path parameterFile = fixture.resolveSibling(caseName + ".parameters.json");
        if (Files.exists(parameterFile)) {
            // AWS Config passes every rule parameter value as a string.
            Fixtures.json(parameterFile).fields()
                    .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        }
        return JSON.writeValueAsString(parameters);
    }

    /** Wraps an item in the event AWS Config sends a custom rule when the item changes. */
    private static ConfigEvent event(JsonNode item, String ruleParameters) throws IOException {
        ObjectNode invoking = JSON.createObjectNode();
        invoking.putNull("configurationItemDiff");
        invoking.set("configurationItem", item);
        invoking.put("notificationCreationTime", item.path("configurationItemCaptureTime").asText());
        invoking.put("messageType", "ConfigurationItemChangeNotification");
        invoking.put("recordVersion", "1.3");

        ObjectNode node = JSON.createObjectNode();
        node.put("version", "1.0");
        node.put("invokingEvent", JSON.writeValueAsString(invoking));
        node.put("ruleParameters", ruleParameters);
        node.put("resultToken", "fixture-result-token");
        node.put("eventLeftScope", false);
        node.put("executionRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/"
                + "AWSServiceRoleForConfig");
        node.put("configRuleArn", "arn:aws:config:us-east-1:" + ACCOUNT + ":config-rule/config-rule-fx0001");
        node.put("configRuleName", RULE_NAME);
        node.put("configRuleId", "config-rule-fx0001");
        node.put("accountId", ACCOUNT);
        return Fixtures.toEvent(node);
    }

    private static List<JsonNode> printedEvaluations(ByteArrayOutputStream out) throws IOException {
        List<JsonNode> evaluations = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode request = JSON.readTree(line);
            if ("config".equals(request.path("service").asText())
                    && "PutEvaluations".equals(request.path("operation").asText())) {
                request.path("request").path("Evaluations").forEach(evaluations::add);
            }
        }
        return evaluations;
    }

    // AWS Config's JSON API names the operation in X-Amz-Target. Lambda and IAM requests carry no such header.
    private boolean configWriteReachedServer() {
        for (ServeEvent served : server.getAllServeEvents()) {
            String target = served.getRequest().getHeader("X-Amz-Target");
            if (target != null && target.endsWith("PutEvaluations")) {
                return true;
            }
        }
        return false;
    }
}
