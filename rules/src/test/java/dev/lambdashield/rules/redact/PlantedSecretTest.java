package dev.lambdashield.rules.redact;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.observe.JsonLogOutput;
import dev.lambdashield.rules.remediate.RemediationSettings;
import dev.lambdashield.rules.remediate.RemediationSwitch;
import dev.lambdashield.rules.settings.Settings;
import dev.lambdashield.rules.testutils.Fixtures;
import dev.lambdashield.rules.testutils.RecordingSleeper;
import dev.lambdashield.rules.testutils.TestApplications;
import dev.lambdashield.rules.testutils.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plants values in a function's environment and runs the whole rule (Config, Security Hub and remediation
 * sinks) with a policy that quotes every environment value in its message. Then it searches every output for
 * the values: the requests the stand-in AWS server received, the dry-run lines and the log lines.
 */
class PlantedSecretTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Under a plain name, so only the remembered-value layer can catch it. */
    private static final String PLANTED = "Zq7-planted-value-31f9c";
    /** Shaped like an AWS access key id, under a plain name. */
    private static final String PLANTED_KEY = "AKIAZQ7PLANTEDKEY123";

    private static final String LEAKY_POLICY = """
            # METADATA
            # title: Quotes environment values
            # description: Quotes every environment value in its message, so redaction has something to remove.
            # custom:
            #   id: lambda-quotes-environment
            #   version: 1.0.0
            #   severity: HIGH
            #   resource_types:
            #     - AWS::Lambda::Function
            #   controls:
            #     - Test control
            #   parameters: {}
            #   remediation:
            #     mode: auto
            #     document: LambdaShield-RemoveVariables
            #     parameters:
            #       FunctionName: configuration.functionName
            #     text: Remove the variables.
            #     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
            package lambda_shield.lambda_quotes_environment

            deny contains {"message": sprintf("variable %s holds %s", [name, value])} if {
            \tsome name, value in input.resource.configuration.environment.variables
            }
            """;

    @TempDir
    Path policyDirectory;

    private WireMockServer server;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(policyDirectory.resolve("lambda_quotes_environment.rego"), LEAKY_POLICY);
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("StarlingDoveService.PutEvaluations"))
                .willReturn(okJson("{\"FailedEvaluations\":[]}")));
        server.stubFor(post(urlEqualTo("/findings")).willReturn(okJson("{\"Findings\":[]}")));
        server.stubFor(post(urlEqualTo("/findings/import"))
                .willReturn(okJson("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.StartAutomationExecution"))
                .willReturn(okJson("{\"AutomationExecutionId\":\"4105a4fc-f944-11e6-9d32-0123456789ab\"}")));
        JsonLogOutput.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
        JsonLogOutput.threshold(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        JsonLogOutput.redirect(System.out);
        JsonLogOutput.threshold(Level.INFO);
        server.stop();
    }

    private Settings settings() {
        AwsEndpoint endpoint = new AwsEndpoint(Region.US_EAST_1, URI.create(server.baseUrl()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real")));
        RemediationSettings remediation = RemediationSettings.defaults().withMode(RemediationSwitch.ON);
        return Settings.builder().region(endpoint.region()).awsEndpoint(endpoint.endpoint())
                .credentials(endpoint.credentials()).timeReserve(Duration.ofSeconds(2)).remediation(remediation)
                .build();
    }

    private static ConfigEvent eventWithPlantedValues() throws Exception {
        JsonNode raw = Fixtures.json(Fixtures.events().resolve("change-noncompliant.json"));
        ObjectNode invoking = (ObjectNode) JSON.readTree(raw.path("invokingEvent").asText());
        ObjectNode variables = (ObjectNode) invoking.path("configurationItem").path("configuration")
                .path("environment").path("variables");
        variables.put("GREETING", PLANTED);
        variables.put("UPSTREAM_ID", PLANTED_KEY);
        ObjectNode event = raw.deepCopy();
        event.put("invokingEvent", JSON.writeValueAsString(invoking));
        event.remove("ruleParameters");
        return Fixtures.toEvent(event);
    }

    private RuleApplication application(PrintStream dryRunOut) {
        return RuleApplication.builder(settings()).bundle(PolicyBundle.cached(policyDirectory)).dryRun(dryRunOut)
                .retryPolicy(TestApplications.QUICK).sleeper(new RecordingSleeper()).build();
    }

    private static void assertClean(String output, String where) {
        assertFalse(output.contains(PLANTED), "planted value found in " + where + ": " + output);
        assertFalse(output.contains(PLANTED_KEY), "planted key found in " + where + ": " + output);
    }

    @Test
    void liveRun_noOutputCarriesPlantedValues() throws Exception {
        try (RuleApplication app = application(null)) {
            app.handleRequest(eventWithPlantedValues(), TestContext.generous("req-planted"));
        }

        List<ServeEvent> requests = server.getAllServeEvents();
        StringBuilder bodies = new StringBuilder();
        for (ServeEvent request : requests) {
            bodies.append(request.getRequest().getUrl()).append(' ').append(request.getRequest().getBodyAsString())
                    .append('\n');
        }
        String sent = bodies.toString();
        assertTrue(sent.contains("PutEvaluations") || sent.contains("ComplianceResourceId"), sent);
        assertTrue(sent.contains("/findings/import"), "a finding was imported: " + sent);
        assertTrue(sent.contains("LambdaShield-RemoveVariables"), "an automation was started: " + sent);
        assertTrue(sent.contains(Redactor.MASK), "the quoted values were there and were masked: " + sent);
        assertClean(sent, "requests sent to AWS");
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertFalse(logText.isBlank());
        assertClean(logText, "log lines");
    }

    @Test
    void dryRun_noPrintedRequestCarriesPlantedValues() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (RuleApplication app = application(new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            app.handleRequest(eventWithPlantedValues(), TestContext.generous("req-planted-dry"));
        }

        String lines = printed.toString(StandardCharsets.UTF_8);
        List<String> operations = lines.lines().map(line -> {
            try {
                return JSON.readTree(line).path("operation").asText();
            } catch (Exception e) {
                throw new IllegalStateException(line, e);
            }
        }).toList();
        assertEquals(List.of("PutEvaluations", "BatchImportFindings", "StartAutomationExecution"), operations);
        assertTrue(lines.contains(Redactor.MASK), lines);
        assertClean(lines, "dry-run output");
        assertClean(logs.toString(StandardCharsets.UTF_8), "log lines");
        assertEquals(0, server.getAllServeEvents().size(), "dry-run sends nothing");
    }
}
