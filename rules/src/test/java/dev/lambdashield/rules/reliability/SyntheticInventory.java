package dev.lambdashield.rules.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A WireMock transformer that serves an inventory of synthetic {@code AWS::Lambda::Function} items, generated
 * on request so the server holds none of them: {@code ListDiscoveredResources} pages (the page number is the
 * {@code nextToken}) and {@code BatchGetResourceConfig} items for exactly the keys asked for. Function
 * {@code fn-N} has X-Ray tracing Active when N is even and PassThrough when N is odd, so every odd function is
 * non-compliant with the tracing policy.
 */
final class SyntheticInventory implements ResponseDefinitionTransformerV2 {

    static final String NAME = "synthetic-inventory";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int size;

    SyntheticInventory(int size) {
        this.size = size;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        JsonNode request = read(serveEvent.getRequest().getBodyAsString());
        String target = serveEvent.getRequest().getHeader("X-Amz-Target");
        String body = target.endsWith(AwsStandIn.LIST) ? listPage(request) : batchGet(request);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)
                .build();
    }

    static String functionName(int n) {
        return String.format("fn-%05d", n);
    }

    static int number(String functionName) {
        return Integer.parseInt(functionName.substring(3));
    }

    private String listPage(JsonNode request) {
        int limit = request.path("limit").asInt(100);
        int start = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
        int end = Math.min(size, start + limit);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode ids = page.putArray("resourceIdentifiers");
        for (int n = start; n < end; n++) {
            ids.addObject().put("resourceType", "AWS::Lambda::Function").put("resourceId", functionName(n))
                    .put("resourceName", functionName(n));
        }
        if (end < size) {
            page.put("nextToken", Integer.toString(end));
        }
        return page.toString();
    }

    private static String batchGet(JsonNode request) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode items = response.putArray("baseConfigurationItems");
        for (JsonNode key : request.path("resourceKeys")) {
            items.add(item(key.path("resourceId").asText()));
        }
        response.putArray("unprocessedResourceKeys");
        return response.toString();
    }

    /** A configuration item in the BatchGetResourceConfig form: configuration as a JSON string. */
    static ObjectNode item(String name) {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + name;
        ObjectNode configuration = JSON.createObjectNode();
        configuration.put("functionName", name).put("functionArn", arn).put("runtime", "python3.12")
                .put("role", "arn:aws:iam::123456789012:role/service-role/" + name + "-role")
                .put("handler", "app.handler").put("codeSize", 48213).put("timeout", 30).put("memorySize", 256)
                .put("packageType", "Zip").put("version", "$LATEST");
        configuration.putObject("tracingConfig").put("mode", number(name) % 2 == 0 ? "Active" : "PassThrough");
        configuration.putArray("architectures").add("arm64");
        configuration.putArray("layers");
        configuration.putObject("environment").putObject("variables").put("STAGE", "prod");
        ObjectNode vpc = configuration.putObject("vpcConfig");
        vpc.putArray("subnetIds").add("subnet-0a1b2c3d4e5f60718");
        vpc.putArray("securityGroupIds").add("sg-0123456789abcdef0");
        configuration.putObject("deadLetterConfig").put("targetArn", "arn:aws:sqs:us-east-1:123456789012:dlq");
        ObjectNode item = JSON.createObjectNode();
        item.put("version", "1.3").put("accountId", "123456789012").put("configurationItemCaptureTime", 1796076000.0)
                .put("configurationItemStatus", "OK").put("configurationStateId", "1764540000000").put("arn", arn)
                .put("resourceType", "AWS::Lambda::Function").put("resourceId", name).put("resourceName", name)
                .put("awsRegion", "us-east-1").put("availabilityZone", "Not Applicable")
                .put("configuration", configuration.toString());
        item.putObject("supplementaryConfiguration");
        return item;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
