package dev.lambdashield.rules.remediate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves a remediation's document parameters against the configuration item: each value is a dot-separated
 * path into the item (for example {@code configuration.functionName}; a numeric segment indexes an array), or a
 * literal when it starts with {@code =}. SSM takes every parameter as a list of strings.
 */
final class DocumentParameters {

    private DocumentParameters() {
    }

    /**
     * Returns the parameters for SSM, sorted by name.
     *
     * @throws IllegalArgumentException naming the parameter and path that could not be resolved, or a path into
     *                                  the function's environment (its values must not leave the function)
     */
    static Map<String, List<String>> resolve(Map<String, String> declared, JsonNode item) {
        Map<String, List<String>> resolved = new TreeMap<>();
        for (Map.Entry<String, String> parameter : declared.entrySet()) {
            String spec = parameter.getValue();
            if (spec.startsWith("=")) {
                resolved.put(parameter.getKey(), List.of(spec.substring(1)));
                continue;
            }
            if (spec.toLowerCase(Locale.ROOT).contains("environment")) {
                throw new IllegalArgumentException("parameter " + parameter.getKey() + " reads '" + spec
                        + "', a path into the function's environment, which is never passed to remediation");
            }
            resolved.put(parameter.getKey(), valuesAt(item, parameter.getKey(), spec));
        }
        return resolved;
    }

    private static List<String> valuesAt(JsonNode item, String name, String path) {
        JsonNode node = item;
        for (String segment : path.split("\\.")) {
            if (node == null) {
                break;
            }
            node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        if (node == null || node.isNull() || node.isMissingNode() || node.isObject()) {
            throw new IllegalArgumentException("parameter " + name + ": path '" + path
                    + "' is missing or not a value in the configuration item");
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isValueNode()) {
                    throw new IllegalArgumentException("parameter " + name + ": path '" + path
                            + "' holds a list of objects, expected strings");
                }
                values.add(element.asText());
            }
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
