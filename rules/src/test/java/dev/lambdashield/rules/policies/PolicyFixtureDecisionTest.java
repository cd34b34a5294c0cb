package dev.lambdashield.rules.policies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.RetryPolicy;
import dev.lambdashield.rules.enrich.AwsStubs;
import dev.lambdashield.rules.enrich.Enricher;
import dev.lambdashield.rules.enrich.EnrichmentSource;
import dev.lambdashield.rules.enrich.FunctionTarget;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.Enrichment;
import dev.lambdashield.rules.evaluate.EvaluationContext;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyEvaluator;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.PolicySource;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every configuration item under {@code test-fixtures/items/<policy-id>/} through the rule's
 * {@link PolicyEvaluator} with only that policy selected, and checks the decision the file name states
 * ({@code compliant-*} or {@code noncompliant-*}). A fixture may carry rule parameters in
 * {@code <case>.parameters.json} and, for policies that need enrichment, the Lambda and IAM responses in
 * {@code <case>.aws.json}, which a local WireMock server returns to the real SDK clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyFixtureDecisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EVALUATION_TIME = Instant.parse("2026-12-04T12:00:00Z");

    private PolicyBundle bundle;
    private WireMockServer server;
    private LambdaClient lambda;
    private IamClient iam;

    private static Path repositoryRoot() {
        String root = System.getProperty("lambdashield.repo.root");
        return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }

    static Stream<Path> fixtures() throws IOException {
        Path items = repositoryRoot().resolve("test-fixtures").resolve("items");
        try (Stream<Path> walk = Files.walk(items, 2)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".parameters.json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".aws.json"))
                    .sorted().collect(Collectors.toList());
            return files.stream();
        }
    }

    @BeforeAll
    void start() {
        bundle = PolicyBundle.load(PolicySource.fromDirectory(repositoryRoot().resolve("policies")));
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.port());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real"));
        lambda = LambdaClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .endpointOverride(endpoint).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        iam = IamClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .endpointOverride(endpoint).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    void stop() {
        lambda.close();
        iam.close();
        server.stop();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture_decisionMatchesFileName(Path fixture) throws Exception {
        String policyId = fixture.getParent().getFileName().toString();
        String caseName = fixture.getFileName().toString().replaceFirst("\\.json$", "");
        Compliance expected = caseName.startsWith("noncompliant-") ? Compliance.NON_COMPLIANT : Compliance.COMPLIANT;
        assertTrue(caseName.startsWith("compliant-") || caseName.startsWith("noncompliant-"),
                fixture + ": name must start with compliant- or noncompliant-");

        ResourceDecision decision = decide(fixture, policyId, caseName);

        assertEquals(1, decision.results().size(), fixture + ": the fixture's policy did not run: " + decision.reason());
        PolicyResult result = decision.results().get(0);
        assertEquals(policyId, result.policy().id());
        assertFalse(result.failed(), () -> fixture + ": policy failed: " + result.errorIfAny().orElse(null));
        assertEquals(expected, decision.compliance(), () -> fixture + ": denies " + result.denies());
    }

    @Test
    void fixtures_coverEveryPolicyBothWays() throws IOException {
        Map<String, Set<String>> outcomes = new HashMap<>();
        for (Path fixture : fixtures().collect(Collectors.toList())) {
            String outcome = fixture.getFileName().toString().startsWith("noncompliant-") ? "noncompliant" : "compliant";
            outcomes.computeIfAbsent(fixture.getParent().getFileName().toString(), k -> new TreeSet<>()).add(outcome);
        }

        for (PolicyMetadata policy : bundle.policies()) {
            assertEquals(Set.of("compliant", "noncompliant"), outcomes.get(policy.id()),
                    "fixtures of " + policy.id());
        }
    }

    @Test
    void noncompliantFixtures_coverEverySeverity() throws IOException {
        Map<String, Severity> severities = new HashMap<>();
        bundle.policies().forEach(p -> severities.put(p.id(), p.severity()));
        Set<Severity> covered = EnumSet.noneOf(Severity.class);
        for (Path fixture : fixtures().collect(Collectors.toList())) {
            if (fixture.getFileName().toString().startsWith("noncompliant-")) {
                covered.add(severities.get(fixture.getParent().getFileName().toString()));
            }
        }

        assertEquals(EnumSet.allOf(Severity.class), covered);
    }

    private ResourceDecision decide(Path fixture, String policyId, String caseName) throws Exception {
        JsonNode item = JSON.readTree(fixture.toFile());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("policies", policyId);
        Path parameterFile = fixture.resolveSibling(caseName + ".parameters.json");
        if (Files.exists(parameterFile)) {
            JSON.readTree(parameterFile.toFile()).fields()
                    .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        }
        Enrichment enrichment = enrichment(item, fixture.resolveSibling(caseName + ".aws.json"));
        EvaluationContext context = new EvaluationContext("123456789012", "us-east-1", "lambda-shield-fixtures",
                "ConfigurationItemChangeNotification", EVALUATION_TIME);
        PolicyEvaluator evaluator = PolicyEvaluator.create(bundle, parameters, context, enrichment);
        Instant capture = Instant.parse(item.path("configurationItemCaptureTime").asText());
        return evaluator.evaluate(item, capture, Instant.now().plusSeconds(30));
    }

    private Enrichment enrichment(JsonNode item, Path awsFile) throws Exception {
        if (!Files.exists(awsFile)) {
            return null;
        }
        server.resetAll();
        FunctionTarget target = FunctionTarget.fromItem(item);
        AwsStubs.stub(server, target.functionName(),
                target.roleName().orElseThrow(), JSON.readTree(awsFile.toFile()));
        RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ZERO);
        Enricher enricher = Enricher.create(lambda, iam, new Retry(quick, Deadline.none(), duration -> { }, 11L));
        return (resource, sources) -> {
            Set<EnrichmentSource> parsed = EnumSet.noneOf(EnrichmentSource.class);
            sources.forEach(source -> parsed.add(EnrichmentSource.parse(source)));
            return enricher.enrich(FunctionTarget.fromItem(resource), parsed);
        };
    }
}
