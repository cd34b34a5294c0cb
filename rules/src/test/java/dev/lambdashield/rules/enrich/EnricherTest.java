package dev.lambdashield.rules.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnricherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/service-role/orders-api-role";
    private static final FunctionTarget TARGET = new FunctionTarget("orders-api", ROLE_ARN, false);

    private WireMockServer server;
    private LambdaClient lambda;
    private IamClient iam;

    @BeforeEach
    void start() {
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

    @AfterEach
    void stop() {
        lambda.close();
        iam.close();
        server.stop();
    }

    private Enricher enricher() {
        RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ZERO);
        return Enricher.create(lambda, iam, new Retry(quick, Deadline.none(), duration -> { }, 7L));
    }

    private ObjectNode enrich(String aws, Set<EnrichmentSource> sources) throws Exception {
        AwsStubs.stub(server, "orders-api", "orders-api-role", JSON.readTree(aws));
        return enricher().enrich(TARGET, sources);
    }

    @Test
    void functionUrl_readsAuthTypeAndCors() throws Exception {
        String aws = "{\"lambda\":{\"GetFunctionUrlConfig\":{\"FunctionUrl\":\"https://abc.lambda-url.us-east-1.on.aws/\","
                + "\"AuthType\":\"NONE\",\"Cors\":{\"AllowOrigins\":[\"*\"],\"AllowCredentials\":true}}}}";

        ObjectNode enrichment = enrich(aws, EnumSet.of(EnrichmentSource.FUNCTION_URL));

        JsonNode url = enrichment.path("functionUrl");
        assertEquals("NONE", url.path("AuthType").asText());
        assertEquals("https://abc.lambda-url.us-east-1.on.aws/", url.path("FunctionUrl").asText());
        assertEquals("*", url.path("Cors").path("AllowOrigins").path(0).asText());
        assertTrue(url.path("Cors").path("AllowCredentials").asBoolean());
    }

    @Test
    void functionUrl_absentWhenLambdaAnswersNotFound() throws Exception {
        ObjectNode enrichment = enrich("{\"lambda\":{}}", EnumSet.of(EnrichmentSource.FUNCTION_URL));

        assertFalse(enrichment.has("functionUrl"));
        server.verify(1, getRequestedFor(urlEqualTo("/2021-10-31/functions/orders-api/url")));
    }

    @Test
    void codeSigning_joinsFunctionAndConfiguration() throws Exception {
        String arn = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0a1b2c3d4e5f67890";
        String aws = "{\"lambda\":{\"GetFunctionCodeSigningConfig\":{\"CodeSigningConfigArn\":\"" + arn + "\","
                + "\"FunctionName\":\"orders-api\"},\"GetCodeSigningConfig\":{\"CodeSigningConfig\":{"
                + "\"CodeSigningConfigArn\":\"" + arn + "\",\"CodeSigningPolicies\":"
                + "{\"UntrustedArtifactOnDeployment\":\"Warn\"}}}}}";

        ObjectNode enrichment = enrich(aws, EnumSet.of(EnrichmentSource.CODE_SIGNING));

        JsonNode signing = enrichment.path("codeSigning");
        assertEquals(arn, signing.path("CodeSigningConfigArn").asText());
        assertEquals("Warn", signing.path("CodeSigningConfig").path("CodeSigningPolicies")
                .path("UntrustedArtifactOnDeployment").asText());
    }

    @Test
    void codeSigning_absentWhenNoneAttached() throws Exception {
        String aws = "{\"lambda\":{\"GetFunctionCodeSigningConfig\":{\"CodeSigningConfigArn\":\"\","
                + "\"FunctionName\":\"orders-api\"}}}";

        assertFalse(enrich(aws, EnumSet.of(EnrichmentSource.CODE_SIGNING)).has("codeSigning"));
    }

    @Test
    void executionRole_collectsDecodedDocuments() throws Exception {
        String aws = "{\"iam\":{\"attached\":[{\"PolicyName\":\"AdministratorAccess\","
                + "\"PolicyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\",\"Document\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}}],"
                + "\"inline\":[{\"PolicyName\":\"orders table\",\"Document\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"arn:aws:dynamodb:us-east-1:"
                + "123456789012:table/orders\"}]}}]}}";

        ObjectNode enrichment = enrich(aws, EnumSet.of(EnrichmentSource.EXECUTION_ROLE));

        JsonNode role = enrichment.path("executionRole");
        assertEquals("orders-api-role", role.path("RoleName").asText());
        assertEquals(ROLE_ARN, role.path("RoleArn").asText());
        JsonNode attached = role.path("AttachedPolicies").path(0);
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", attached.path("PolicyArn").asText());
        assertEquals("*", attached.path("Document").path("Statement").path(0).path("Action").asText());
        JsonNode inline = role.path("InlinePolicies").path(0);
        assertEquals("orders table", inline.path("PolicyName").asText());
        assertEquals("dynamodb:GetItem", inline.path("Document").path("Statement").path(0).path("Action").asText());
    }

    @Test
    void sourcesNotRequested_makeNoCalls() throws Exception {
        ObjectNode enrichment = enrich("{\"lambda\":{}}", EnumSet.noneOf(EnrichmentSource.class));

        assertEquals(0, enrichment.size());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void imageFunction_skipsCodeSigningCalls() throws Exception {
        AwsStubs.stub(server, "orders-api", "orders-api-role", JSON.readTree("{\"lambda\":{}}"));

        ObjectNode enrichment = enricher().enrich(new FunctionTarget("orders-api", ROLE_ARN, true),
                EnumSet.of(EnrichmentSource.CODE_SIGNING));

        assertFalse(enrichment.has("codeSigning"));
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void accessDenied_failsWithSourceAndFunction() {
        server.stubFor(get(urlEqualTo("/2021-10-31/functions/orders-api/url")).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"Message\":\"User is not authorized to perform: lambda:GetFunctionUrlConfig\"}")));

        EnrichmentException error = assertThrows(EnrichmentException.class,
                () -> enricher().enrich(TARGET, EnumSet.of(EnrichmentSource.FUNCTION_URL)));

        assertEquals(EnrichmentSource.FUNCTION_URL, error.source());
        assertTrue(error.getMessage().contains("orders-api"), error.getMessage());
        assertTrue(error.getMessage().startsWith(EnrichmentException.CODE), error.getMessage());
    }

    @Test
    void throttling_isRetried() throws Exception {
        server.stubFor(get(urlEqualTo("/2021-10-31/functions/orders-api/url")).inScenario("throttle")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"Message\":\"Rate exceeded\"}"))
                .willSetStateTo("recovered"));
        server.stubFor(get(urlEqualTo("/2021-10-31/functions/orders-api/url")).inScenario("throttle")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"FunctionUrl\":\"https://abc.lambda-url.us-east-1.on.aws/\",\"AuthType\":\"AWS_IAM\"}")));

        ObjectNode enrichment = enricher().enrich(TARGET, EnumSet.of(EnrichmentSource.FUNCTION_URL));

        assertEquals("AWS_IAM", enrichment.path("functionUrl").path("AuthType").asText());
        server.verify(2, getRequestedFor(urlEqualTo("/2021-10-31/functions/orders-api/url")));
    }

    @Test
    void target_readsNameRoleAndPackageType() throws Exception {
        JsonNode item = JSON.readTree("{\"resourceName\":\"fallback\",\"configuration\":{\"functionName\":\"orders-api\","
                + "\"role\":\"" + ROLE_ARN + "\",\"packageType\":\"Image\"}}");

        FunctionTarget target = FunctionTarget.fromItem(item);

        assertEquals("orders-api", target.functionName());
        assertEquals("orders-api-role", target.roleName().orElseThrow());
        assertTrue(target.imagePackage());
    }
}
