package dev.lambdashield.rules.reliability;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.RetryPolicy;
import dev.lambdashield.rules.aws.Sleeper;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.handler.StandardSinks;
import dev.lambdashield.rules.remediate.RemediationSettings;
import dev.lambdashield.rules.remediate.RemediationSwitch;
import dev.lambdashield.rules.testutils.TestApplications;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server on 127.0.0.1 standing in for every AWS API the rule calls: AWS Config and SSM (JSON 1.1,
 * the operation in {@code X-Amz-Target}) and Security Hub (REST JSON, the operation in the path). Every client
 * of the rule points at it, with static credentials, and with short timeouts so that slow-response faults take
 * about a second per attempt instead of the production 25 s.
 */
final class AwsStandIn implements AutoCloseable {

    static final String PUT_EVALUATIONS = "PutEvaluations";
    static final String HISTORY = "GetResourceConfigHistory";
    static final String LIST = "ListDiscoveredResources";
    static final String BATCH_GET = "BatchGetResourceConfig";
    static final String COMPLIANCE_DETAILS = "GetComplianceDetailsByConfigRule";
    static final String IMPORT_PATH = "/findings/import";
    static final String GET_FINDINGS_PATH = "/findings";
    static final String SSM_START = "AmazonSSM.StartAutomationExecution";

    /** The per-attempt limit of the stand-in's clients; a fixed delay above it is a slow response. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1000);
    /** A response delay well beyond {@link #ATTEMPT_TIMEOUT}. */
    static final int SLOW_MILLIS = 2500;

    /** Five attempts with millisecond backoff caps: real waits, kept small through the rule's configuration. */
    static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(8),
            Duration.ofMillis(100));

    private static final String CONFIG_TARGET = "StarlingDoveService.";
    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    AwsStandIn() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(16).notifier(new ConsoleNotifier(false)));
        server.start();
    }

    WireMockServer server() {
        return server;
    }

    AwsEndpoint endpoint() {
        return new AwsEndpoint(Region.US_EAST_1, URI.create("http://127.0.0.1:" + server.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real")));
    }

    /**
     * The rule with every standard sink (Config, Security Hub, remediation with the switch on) pointed at this
     * server, the repository's policies and the {@link #FAST} retry policy.
     */
    RuleApplication application() {
        AwsEndpoint endpoint = endpoint();
        RemediationSettings remediation = new RemediationSettings(RemediationSwitch.ON, 10,
                RemediationSettings.DEFAULT_EXEMPTION_TAG, List.of(), null, null);
        return RuleApplication.builder(TestApplications.settings(endpoint).toBuilder().remediation(remediation)
                        .build())
                .bundle(TestApplications.bundle())
                .clients(new AwsClients(endpoint, ATTEMPT_TIMEOUT, ATTEMPT_TIMEOUT))
                .sinks(StandardSinks.all())
                .retryPolicy(FAST)
                .sleeper(Sleeper.THREAD)
                .build();
    }

    void reset() {
        server.resetAll();
    }

    // ---- request matchers -------------------------------------------------------------------------------

    static MappingBuilder config(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CONFIG_TARGET + operation));
    }

    static MappingBuilder ssmStart() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SSM_START));
    }

    static MappingBuilder importFindings() {
        return post(urlEqualTo(IMPORT_PATH));
    }

    static MappingBuilder getFindings() {
        return post(urlEqualTo(GET_FINDINGS_PATH));
    }

    List<LoggedRequest> configRequests(String operation) {
        return find(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CONFIG_TARGET + operation)));
    }

    List<LoggedRequest> ssmStarts() {
        return find(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SSM_START)));
    }

    List<LoggedRequest> imports() {
        return find(postRequestedFor(urlEqualTo(IMPORT_PATH)));
    }

    private List<LoggedRequest> find(RequestPatternBuilder pattern) {
        return server.findAll(pattern);
    }

    // ---- responses --------------------------------------------------------------------------------------

    static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(json);
    }

    static ResponseDefinitionBuilder restOk(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** An AWS error response, e.g. (400, "ThrottlingException"), understood by JSON 1.1 and REST clients. */
    static ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + type + " from the stand-in\"}");
    }

    static ResponseDefinitionBuilder fault(Fault fault) {
        return aResponse().withFault(fault);
    }

    /** Serves {@code responses} to successive requests; the last one repeats for every further request. */
    void sequence(MappingBuilderFactory mapping, List<ResponseDefinitionBuilder> responses) {
        String scenario = "sequence-" + System.nanoTime();
        for (int i = 0; i < responses.size(); i++) {
            ScenarioMappingBuilder builder = mapping.create().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
            builder.willReturn(responses.get(i));
            if (i + 1 < responses.size()) {
                builder = builder.willSetStateTo("step-" + (i + 1));
            }
            server.stubFor(builder);
        }
    }

    /** {@code count} copies of {@code failure} followed by {@code success}. */
    void failThenSucceed(MappingBuilderFactory mapping, int count, ResponseDefinitionBuilder failure,
                         ResponseDefinitionBuilder success) {
        List<ResponseDefinitionBuilder> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(failure);
        }
        responses.add(success);
        sequence(mapping, responses);
    }

    void always(MappingBuilder mapping, ResponseDefinitionBuilder response) {
        server.stubFor(mapping.willReturn(response));
    }

    // ---- what the rule reported -------------------------------------------------------------------------

    /** Every evaluation sent in any PutEvaluations call, as resource id to the last compliance type sent. */
    Map<String, String> reportedCompliance() {
        Map<String, String> reported = new LinkedHashMap<>();
        for (LoggedRequest request : configRequests(PUT_EVALUATIONS)) {
            for (JsonNode evaluation : json(request).path("Evaluations")) {
                reported.put(evaluation.path("ComplianceResourceId").asText(),
                        evaluation.path("ComplianceType").asText());
            }
        }
        return reported;
    }

    static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the event's rule parameters so that only {@code policies} (ids or globs, comma-separated) run. */
    static ConfigEvent withPolicies(ConfigEvent event, String policies) {
        event.setRuleParameters("{\"policies\":\"" + policies + "\"}");
        return event;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Creates a fresh request matcher for each step of a sequence. */
    @FunctionalInterface
    interface MappingBuilderFactory {
        MappingBuilder create();
    }
}
