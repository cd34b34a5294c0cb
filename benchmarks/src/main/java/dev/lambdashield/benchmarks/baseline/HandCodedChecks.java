package dev.lambdashield.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks of seven bundled policies written directly in Java, with their default parameters: the baseline the
 * engine's cost is compared against. It exists only in the benchmark module and is not a second implementation
 * for production use. The policies covered are {@link #POLICY_IDS}; the messages are formatted as the policies
 * format them, so both sides do the same string work.
 */
public final class HandCodedChecks {

    /** The policies this class re-implements, as the {@code policies} rule parameter selects them. */
    public static final String POLICY_IDS = "lambda-tracing-active,lambda-dead-letter-queue,lambda-inside-vpc,"
            + "lambda-function-settings,lambda-required-tags,lambda-function-not-public,lambda-runtime-supported";

    private static final Set<String> PINNING_KEYS = Set.of("aws:sourceaccount", "aws:sourcearn", "aws:sourceowner",
            "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:sourceorgid",
            "lambda:eventsourcetoken");
    private static final Set<String> POSITIVE_OPERATORS = Set.of("stringequals", "stringequalsignorecase",
            "stringlike", "arnequals", "arnlike");
    private static final int WARNING_DAYS = 90;
    private static final int MAX_TIMEOUT = 3;
    private static final int MIN_TIMEOUT = 1;
    private static final int MAX_MEMORY = 128;
    private static final int MIN_MEMORY = 128;

    private final ObjectMapper mapper;
    private final JsonNode runtimes;

    /**
     * @param mapper   parses the resource policy, which the item carries as a JSON string
     * @param runtimes {@code lambda_shield_data.runtimes.identifiers} of {@code policies/data/runtimes.json}
     */
    public HandCodedChecks(ObjectMapper mapper, JsonNode runtimes) {
        this.mapper = mapper;
        this.runtimes = runtimes;
    }

    /** Violations and advisories of one item. */
    public record Outcome(List<String> denies, List<String> warns) {
    }

    /** Checks a configuration item in notification form, as parsed from its JSON text. */
    public Outcome check(JsonNode item, Instant evaluationTime) {
        List<String> denies = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        JsonNode configuration = item.path("configuration");
        if (!configuration.isObject()) {
            return new Outcome(denies, warns);
        }
        String name = functionName(item);
        tracing(configuration, name, denies);
        deadLetterQueue(configuration, name, denies);
        insideVpc(configuration, name, denies);
        settings(configuration, name, denies);
        tags(item.path("tags"), name, denies);
        notPublic(item.path("supplementaryConfiguration").path("Policy"), name, denies);
        runtime(configuration, name, evaluationTime, denies, warns);
        return new Outcome(denies, warns);
    }

    private static String functionName(JsonNode item) {
        JsonNode name = item.path("configuration").path("functionName");
        if (name.isTextual()) {
            return name.asText();
        }
        JsonNode resourceName = item.path("resourceName");
        return resourceName.isTextual() ? resourceName.asText() : "(unnamed function)";
    }

    private static void tracing(JsonNode configuration, String name, List<String> denies) {
        JsonNode mode = configuration.path("tracingConfig").path("mode");
        String value = mode.isTextual() ? mode.asText() : "PassThrough";
        if (!"Active".equals(value)) {
            denies.add(String.format("Lambda function %s has X-Ray tracing mode %s, not Active", name, value));
        }
    }

    private static void deadLetterQueue(JsonNode configuration, String name, List<String> denies) {
        JsonNode target = configuration.path("deadLetterConfig").path("targetArn");
        if (!target.isTextual() || target.asText().isEmpty()) {
            denies.add(String.format("Lambda function %s has no dead-letter queue", name));
        }
    }

    private static void insideVpc(JsonNode configuration, String name, List<String> denies) {
        JsonNode subnets = configuration.path("vpcConfig").path("subnetIds");
        if (!subnets.isArray() || subnets.isEmpty()) {
            denies.add(String.format("Lambda function %s is not attached to a VPC", name));
        }
    }

    private static void settings(JsonNode configuration, String name, List<String> denies) {
        JsonNode timeout = configuration.path("timeout");
        if (timeout.isNumber() && timeout.decimalValue().intValue() > MAX_TIMEOUT) {
            denies.add(String.format("Lambda function %s has timeout %s s, above the maximum of %d s", name,
                    timeout.asText(), MAX_TIMEOUT));
        } else if (timeout.isNumber() && timeout.decimalValue().intValue() < MIN_TIMEOUT) {
            denies.add(String.format("Lambda function %s has timeout %s s, below the minimum of %d s", name,
                    timeout.asText(), MIN_TIMEOUT));
        }
        JsonNode memory = configuration.path("memorySize");
        if (memory.isNumber() && memory.decimalValue().intValue() > MAX_MEMORY) {
            denies.add(String.format("Lambda function %s has memory size %s MB, above the maximum of %d MB", name,
                    memory.asText(), MAX_MEMORY));
        } else if (memory.isNumber() && memory.decimalValue().intValue() < MIN_MEMORY) {
            denies.add(String.format("Lambda function %s has memory size %s MB, below the minimum of %d MB", name,
                    memory.asText(), MIN_MEMORY));
        }
    }

    private static void tags(JsonNode tags, String name, List<String> denies) {
        int keys = 0;
        if (tags.isObject()) {
            for (Iterator<String> it = tags.fieldNames(); it.hasNext(); ) {
                keys += it.next().startsWith("aws:") ? 0 : 1;
            }
        } else if (tags.isArray()) {
            for (JsonNode tag : tags) {
                keys += tag.path("key").isTextual() && !tag.path("key").asText().startsWith("aws:") ? 1 : 0;
            }
        }
        if (keys == 0) {
            denies.add(String.format("Lambda function %s has no tags", name));
        }
    }

    private void notPublic(JsonNode raw, String name, List<String> denies) {
        JsonNode document = parsePolicy(raw);
        for (JsonNode statement : asArray(document.path("Statement"))) {
            if (!"Allow".equals(statement.path("Effect").asText(null)) || !wildcardPrincipal(statement)
                    || pinned(statement.path("Condition"))) {
                continue;
            }
            JsonNode sid = statement.path("Sid");
            String label = sid.isTextual() ? "\"" + sid.asText() + "\"" : "without a Sid";
            denies.add(String.format("Lambda function %s: resource policy statement %s allows any principal (*) "
                    + "with no condition pinning the caller to an account, organization or source ARN", name, label));
        }
    }

    private JsonNode parsePolicy(JsonNode raw) {
        if (raw.isObject()) {
            return raw;
        }
        if (!raw.isTextual()) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(raw.asText());
        } catch (JsonProcessingException e) {
            return mapper.missingNode();
        }
    }

    private static boolean wildcardPrincipal(JsonNode statement) {
        JsonNode principal = statement.path("Principal");
        if (principal.isTextual() && "*".equals(principal.asText())) {
            return true;
        }
        for (JsonNode aws : asArray(principal.path("AWS"))) {
            if (aws.isTextual() && "*".equals(aws.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean pinned(JsonNode condition) {
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String operator = op.getKey().toLowerCase(Locale.ROOT);
            if (operator.startsWith("foranyvalue:")) {
                operator = operator.substring("foranyvalue:".length());
            }
            if (!POSITIVE_OPERATORS.contains(operator)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                if (PINNING_KEYS.contains(key.getKey().toLowerCase(Locale.ROOT)) && allFixed(asArray(key.getValue()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allFixed(List<JsonNode> values) {
        if (values.isEmpty()) {
            return false;
        }
        for (JsonNode value : values) {
            String text = value.isTextual() ? value.asText() : "";
            if (text.isEmpty() || text.contains("*") || text.contains("?") || text.contains("${")) {
                return false;
            }
        }
        return true;
    }

    private void runtime(JsonNode configuration, String name, Instant now, List<String> denies, List<String> warns) {
        JsonNode runtime = configuration.path("runtime");
        if ("Image".equals(configuration.path("packageType").asText(null)) || !runtime.isTextual()
                || runtime.asText().isEmpty()) {
            return;
        }
        String id = runtime.asText();
        JsonNode known = runtimes.get(id);
        if (known == null) {
            warns.add(String.format("Lambda function %s uses runtime %s, which policies/data/runtimes.json does not "
                    + "list; its support status is unknown", name, id));
            return;
        }
        String date = known.path("deprecationDate").asText();
        Instant deprecation = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!now.isBefore(deprecation)) {
            denies.add(String.format("Lambda function %s uses runtime %s, deprecated since %s", name, id, date));
            return;
        }
        long daysLeft = (ChronoUnit.NANOS.between(now, deprecation) + 86_399_999_999_999L) / 86_400_000_000_000L;
        if (daysLeft <= WARNING_DAYS) {
            warns.add(String.format("Lambda function %s uses runtime %s, which is deprecated on %s (in %d days)",
                    name, id, date, daysLeft));
        }
    }

    private static List<JsonNode> asArray(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            list.add(node);
        }
        return list;
    }
}
