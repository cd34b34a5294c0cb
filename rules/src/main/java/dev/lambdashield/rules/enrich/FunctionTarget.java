package dev.lambdashield.rules.enrich;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The function facts that enrichment uses, read from the configuration item in notification form.
 *
 * @param functionName the function's name (or ARN), as Lambda API calls accept it
 * @param roleArn      the execution role's ARN, or {@code null} when the item has none
 * @param imagePackage whether the function is a container image, which cannot use code signing
 */
public record FunctionTarget(String functionName, String roleArn, boolean imagePackage) {

    /**
     * Reads the target from a configuration item.
     *
     * @throws IllegalArgumentException when the item names no function
     */
    public static FunctionTarget fromItem(JsonNode item) {
        JsonNode configuration = item.path("configuration");
        String name = text(configuration.path("functionName"))
                .or(() -> text(item.path("resourceName")))
                .orElseThrow(() -> new IllegalArgumentException(
                        "configuration item has no configuration.functionName or resourceName to enrich"));
        String role = text(configuration.path("role")).orElse(null);
        boolean image = "Image".equals(configuration.path("packageType").asText(""));
        return new FunctionTarget(name, role, image);
    }

    /** Returns the role name: the last segment of the role ARN's path, e.g. {@code app} in {@code ...:role/service-role/app}. */
    public Optional<String> roleName() {
        if (roleArn == null) {
            return Optional.empty();
        }
        int slash = roleArn.lastIndexOf('/');
        String name = slash < 0 ? roleArn : roleArn.substring(slash + 1);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
