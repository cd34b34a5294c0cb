package dev.lambdashield.rules.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the environment-variable values of a Lambda function's configuration item, which must never appear in
 * any output.
 *
 * <p>A value is remembered for literal masking when it is at least {@link #MIN_LENGTH} characters long and does
 * not occur in the function's own name or ARN (masking it there would corrupt resource identifiers). Shorter
 * values and plain words are remembered only when the variable's name is secret-like ({@code *_PASSWORD},
 * {@code *_TOKEN}, ...).
 * NOTE: a short value under an innocuous name (for example {@code DEBUG=true}) is not masked in free text,
 * because replacing every {@code true} would garble outputs; structured outputs never carry it, since findings
 * omit the environment and JSON trees mask every {@code variables} value.
 */
final class EnvironmentSecrets {

    /** Shortest value that is masked wherever it occurs in free text. */
    static final int MIN_LENGTH = 6;

    /** Shortest value masked when the variable's name is secret-like. */
    static final int MIN_SECRET_NAME_LENGTH = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Variable-name parts that mark a secret even in short values, e.g. {@code DB_PASS}, {@code SIGNING_KEY}. */
    private static final Pattern SECRET_NAME_PART = Pattern.compile("(?i)key|pass|pwd|auth|cred|token|secret|cert");

    private EnvironmentSecrets() {
    }

    /** Returns the values of {@code configuration.environment.variables} worth masking, in item order. */
    static List<String> valuesOf(JsonNode item) {
        List<String> values = new ArrayList<>();
        if (item == null || !item.isObject()) {
            return values;
        }
        JsonNode variables = configuration(item).path("environment").path("variables");
        String identity = (item.path("ARN").asText("") + " " + item.path("arn").asText("") + " "
                + item.path("resourceName").asText("") + " " + item.path("resourceId").asText(""));
        Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = field.getValue().isTextual() ? field.getValue().textValue() : field.getValue().toString();
            if (worthMasking(field.getKey(), value, identity)) {
                values.add(value);
            }
        }
        return values;
    }

    /** Returns whether {@code name} is the {@code variables} map of an environment, whose values are all masked. */
    static boolean isVariablesField(JsonNode parent, String name) {
        return name.toLowerCase(Locale.ROOT).equals("variables") && parent.path(name).isObject();
    }

    private static boolean worthMasking(String name, String value, String identity) {
        if (SecretPatterns.isSecretName(name) || SECRET_NAME_PART.matcher(name).find()) {
            return value.length() >= MIN_SECRET_NAME_LENGTH;
        }
        if (value.length() < MIN_LENGTH || identity.contains(value)) {
            return false;
        }
        // A lower-case word ("production", "enabled") is configuration, not a secret, and common in identifiers.
        return !value.matches("[a-z]+");
    }

    /** Returns the configuration object, parsing it when Config delivers it as a JSON string (history form). */
    private static JsonNode configuration(JsonNode item) {
        JsonNode configuration = item.path("configuration");
        if (configuration.isTextual()) {
            try {
                return JSON.readTree(configuration.textValue());
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }
        return configuration;
    }
}
