package dev.lambdashield.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Deterministic synthetic Lambda functions for the periodic load run, in the form {@code BatchGetResourceConfig}
 * returns them ({@code configuration} and each {@code supplementaryConfiguration} value as JSON strings). Each is
 * the typical fixture item varied by index: runtime, tracing, VPC, dead-letter queue, memory, environment and a
 * public resource policy on every fifth function, so the policies take different paths.
 */
final class SyntheticInventory {

    static final String ACCOUNT = "123456789012";
    static final String FUNCTION_TYPE = "AWS::Lambda::Function";

    private static final String[] RUNTIMES = {"python3.12", "nodejs20.x", "java17", "python3.9", "nodejs22.x",
        "java21", "provided.al2023", "ruby3.3"};

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectNode template;
    private final int size;

    /** @param typicalConfiguration the fixture item's {@code configuration} object */
    SyntheticInventory(JsonNode typicalConfiguration, int size) {
        this.template = (ObjectNode) typicalConfiguration.deepCopy();
        this.size = size;
    }

    int size() {
        return size;
    }

    static String functionName(int index) {
        return String.format(Locale.ROOT, "fn-%05d", index);
    }

    /** Returns the index of a name made by {@link #functionName}, or -1. */
    static int indexOf(String name) {
        if (name == null || !name.startsWith("fn-")) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(3));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One {@code baseConfigurationItems} element. */
    ObjectNode baseItem(int index) {
        String name = functionName(index);
        String arn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
        ObjectNode item = mapper.createObjectNode();
        item.put("version", "1.3");
        item.put("accountId", ACCOUNT);
        item.put("configurationItemCaptureTime", 1_796_076_000.0 + index);
        item.put("configurationItemStatus", "OK");
        item.put("configurationStateId", String.valueOf(1_764_540_000_000L + index));
        item.put("arn", arn);
        item.put("resourceType", FUNCTION_TYPE);
        item.put("resourceId", name);
        item.put("resourceName", name);
        item.put("awsRegion", "us-east-1");
        item.put("availabilityZone", "Not Applicable");
        item.put("resourceCreationTime", 1_741_944_413.589);
        item.put("configuration", configuration(index, name, arn).toString());
        ObjectNode supplementary = item.putObject("supplementaryConfiguration");
        if (index % 5 == 0) {
            supplementary.put("Policy", publicPolicy(arn));
        }
        return item;
    }

    private ObjectNode configuration(int index, String name, String arn) {
        ObjectNode configuration = template.deepCopy();
        configuration.put("functionName", name);
        configuration.put("functionArn", arn);
        configuration.put("role", "arn:aws:iam::" + ACCOUNT + ":role/service-role/" + name + "-role");
        configuration.put("runtime", RUNTIMES[index % RUNTIMES.length]);
        configuration.put("memorySize", index % 3 == 0 ? 256 : 128);
        configuration.put("timeout", 1 + index % 5);
        configuration.putObject("tracingConfig").put("mode", index % 2 == 0 ? "Active" : "PassThrough");
        if (index % 4 == 0) {
            configuration.remove("deadLetterConfig");
        }
        if (index % 7 == 0) {
            configuration.putObject("vpcConfig").putArray("subnetIds");
        }
        ObjectNode variables = configuration.putObject("environment").putObject("variables");
        variables.put("LOG_LEVEL", "info");
        variables.put("TABLE_NAME", name + "-table");
        if (index % 10 == 3) {
            variables.put("API_TOKEN", "tok_" + Integer.toHexString(index) + "Zq8vX2mPn4Lr");
        }
        return configuration;
    }

    private static String publicPolicy(String arn) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"anyone-invoke\","
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\""
                + arn + "\"}]}";
    }
}
