package dev.lambdashield.rules.report.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.RetryPolicy;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.RemediationMode;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Severity;
import dev.lambdashield.rules.evaluate.Violation;
import dev.lambdashield.rules.report.Invocation;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Policies, configuration items, decisions and AWS clients shared by the findings and remediation tests. */
public final class SinkFixtures {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String RULE = "lambda-shield-functions";
    public static final Instant CAPTURE = Instant.parse("2026-12-01T10:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SinkFixtures() {
    }

    /** A configuration item of a Zip function in notification form. */
    public static ObjectNode item(String name, Map<String, String> environment, Map<String, String> tags) {
        ObjectNode item = JSON.createObjectNode();
        item.put("configurationItemVersion", "1.3");
        item.put("configurationItemCaptureTime", CAPTURE.toString());
        item.put("configurationStateId", 1733047200000L);
        item.put("awsAccountId", ACCOUNT);
        item.put("configurationItemStatus", "OK");
        item.put("resourceType", "AWS::Lambda::Function");
        item.put("resourceId", name);
        item.put("resourceName", name);
        item.put("ARN", arn(name));
        item.put("awsRegion", REGION);
        ObjectNode configuration = item.putObject("configuration");
        configuration.put("functionName", name);
        configuration.put("functionArn", arn(name));
        configuration.put("runtime", "python3.12");
        configuration.put("role", "arn:aws:iam::" + ACCOUNT + ":role/" + name + "-role");
        configuration.put("handler", "app.handler");
        configuration.put("codeSize", 2048);
        configuration.put("timeout", 30);
        configuration.put("memorySize", 256);
        configuration.put("lastModified", "2026-11-30T09:00:00.000+0000");
        configuration.put("codeSha256", "k3nYxLzv3u1Yx5y1u2o0FqE3Zb4=");
        configuration.put("version", "$LATEST");
        configuration.put("packageType", "Zip");
        configuration.putArray("architectures").add("arm64");
        configuration.putObject("tracingConfig").put("mode", "PassThrough");
        ObjectNode vpc = configuration.putObject("vpcConfig");
        vpc.putArray("subnetIds").add("subnet-0a1b2c3d");
        vpc.putArray("securityGroupIds").add("sg-0a1b2c3d");
        ObjectNode variables = configuration.putObject("environment").putObject("variables");
        environment.forEach(variables::put);
        item.putObject("supplementaryConfiguration");
        ObjectNode tagNode = item.putObject("tags");
        tags.forEach(tagNode::put);
        item.putArray("relationships");
        return item;
    }

    public static ObjectNode item(String name) {
        return item(name, Map.of("STAGE", "prod"), Map.of("team", "orders"));
    }

    public static String arn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    public static PolicyMetadata policy(String id, Severity severity, RemediationMode mode, String document,
                                        Map<String, String> parameters) {
        Remediation remediation = mode == null ? null : new Remediation(mode, document, parameters,
                "Enable active tracing in the function's monitoring settings.",
                "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html");
        return new PolicyMetadata(id, "Lambda functions have X-Ray active tracing enabled",
                "Without active tracing, requests through the function are not sampled into AWS X-Ray.", severity,
                List.of("AWS::Lambda::Function"), List.of("Security Hub Lambda.7"), Map.of(), remediation, List.of(),
                "1.2.0", "data.lambda_shield." + id.replace('-', '_'), Location.of("policies/" + id + ".rego", 1, 1));
    }

    public static PolicyMetadata tracingPolicy() {
        return policy("lambda-tracing-active", Severity.LOW, RemediationMode.AUTO,
                "AWSConfigRemediation-ConfigureLambdaFunctionXRayTracing",
                Map.of("FunctionName", "configuration.functionName"));
    }

    public static PolicyResult denied(PolicyMetadata policy, String... messages) {
        List<Violation> denies = new ArrayList<>();
        for (String message : messages) {
            denies.add(new Violation(message, List.of("configuration", "tracingConfig", "mode"), NullValue.INSTANCE));
        }
        return new PolicyResult(policy, denies, List.of(), null);
    }

    public static PolicyResult passed(PolicyMetadata policy) {
        return new PolicyResult(policy, List.of(), List.of(), null);
    }

    /** Builds a decision whose compliance follows the results: NON_COMPLIANT when any result denies. */
    public static ResourceDecision decision(JsonNode item, PolicyResult... results) {
        boolean denied = false;
        for (PolicyResult result : results) {
            denied |= result.denied();
        }
        String name = item.path("resourceId").asText();
        return new ResourceDecision(item, "AWS::Lambda::Function", name, arn(name),
                denied ? Compliance.NON_COMPLIANT : Compliance.COMPLIANT, List.of(results), CAPTURE, null);
    }

    public static ResourceDecision deleted(String name) {
        return ResourceDecision.notApplicable(JSON.missingNode(), "AWS::Lambda::Function", name, null, CAPTURE,
                "ResourceDeleted");
    }

    public static Invocation invocation(boolean dryRun) {
        return new Invocation("request-1", RULE, ACCOUNT, REGION, "result-token", "ConfigurationItemChangeNotification",
                CAPTURE, Deadline.none(), dryRun);
    }

    /** SDK clients for a local stand-in server, with static credentials and an explicit region. */
    public static AwsClients clients(String baseUrl) {
        return new AwsClients(new AwsEndpoint(Region.US_EAST_1, URI.create(baseUrl),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real"))));
    }

    /** Retries with millisecond waits, recording each wait in {@code waits}. */
    public static Retry fastRetry(List<Duration> waits) {
        return new Retry(new RetryPolicy(4, Duration.ofMillis(2), Duration.ofMillis(8), Duration.ZERO),
                Deadline.none(), waits::add, 7L);
    }
}
