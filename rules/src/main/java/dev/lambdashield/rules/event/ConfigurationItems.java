package dev.lambdashield.rules.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.config.model.BaseConfigurationItem;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.Relationship;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.lambdashield.rules.observe.LogKey;

/**
 * Configuration items in notification form, the form policies see as {@code input.resource}.
 *
 * <p>Config records some members as JSON text: {@code configuration} in history and batch responses, and each
 * {@code supplementaryConfiguration} value everywhere (for a function, {@code Policy} is the resource-policy
 * document). {@link #normalize} parses them into JSON so policies can read them.
 */
public final class ConfigurationItems {

    /** Statuses for which Config has no current configuration to evaluate. */
    public static final Set<String> NOT_RECORDED_STATUSES =
            Set.of("ResourceDeleted", "ResourceDeletedNotRecorded", "ResourceNotRecorded");

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationItems.class);

    private ConfigurationItems() {
    }

    public static String resourceType(JsonNode item) {
        return text(item, "resourceType");
    }

    public static String resourceId(JsonNode item) {
        return text(item, "resourceId");
    }

    public static String arn(JsonNode item) {
        return text(item, "ARN");
    }

    public static String status(JsonNode item) {
        return text(item, "configurationItemStatus");
    }

    /** The capture time, or {@code null} when the item has none. */
    public static Instant captureTime(JsonNode item) {
        return EventParser.instant(item.get("configurationItemCaptureTime"), "configurationItemCaptureTime");
    }

    /**
     * Returns a copy of a notification-form item with the members Config sends as JSON text parsed. A member
     * that does not parse stays text and is logged, because a policy can still read it as a string.
     */
    public static ObjectNode normalize(JsonNode item) {
        ObjectNode copy = item.deepCopy();
        JsonNode configuration = copy.get("configuration");
        if (configuration != null && configuration.isTextual()) {
            copy.set("configuration", parseEmbedded(configuration.asText(), copy, "configuration"));
        }
        JsonNode supplementary = copy.get("supplementaryConfiguration");
        if (supplementary instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isTextual() && looksLikeJson(field.getValue().asText())) {
                    field.setValue(parseEmbedded(field.getValue().asText(), copy,
                            "supplementaryConfiguration." + field.getKey()));
                }
            }
        }
        return copy;
    }

    /** Converts a {@code GetResourceConfigHistory} item to notification form, normalized. */
    public static ObjectNode fromHistory(ConfigurationItem history) {
        ObjectNode item = EventJson.MAPPER.createObjectNode();
        item.put("configurationItemVersion", history.version());
        item.put("awsAccountId", history.accountId());
        put(item, "configurationItemCaptureTime", history.configurationItemCaptureTime());
        item.put("configurationItemStatus", history.configurationItemStatusAsString());
        item.put("configurationStateId", history.configurationStateId());
        item.put("configurationItemMD5Hash", history.configurationItemMD5Hash());
        item.put("ARN", history.arn());
        item.put("resourceType", history.resourceTypeAsString());
        item.put("resourceId", history.resourceId());
        item.put("resourceName", history.resourceName());
        item.put("awsRegion", history.awsRegion());
        item.put("availabilityZone", history.availabilityZone());
        put(item, "resourceCreationTime", history.resourceCreationTime());
        ObjectNode tags = item.putObject("tags");
        history.tags().forEach(tags::put);
        ArrayNode events = item.putArray("relatedEvents");
        history.relatedEvents().forEach(events::add);
        ArrayNode relationships = item.putArray("relationships");
        for (Relationship relationship : history.relationships()) {
            ObjectNode r = relationships.addObject();
            r.put("resourceId", relationship.resourceId());
            r.put("resourceName", relationship.resourceName());
            r.put("resourceType", relationship.resourceTypeAsString());
            r.put("name", relationship.relationshipName());
        }
        putConfiguration(item, history.configuration(), history.supplementaryConfiguration());
        return normalize(item);
    }

    /**
     * Converts a {@code BatchGetResourceConfig} item to notification form, normalized. The batch API returns no
     * tags, relationships or related events, so those members are absent.
     */
    public static ObjectNode fromBatch(BaseConfigurationItem base) {
        ObjectNode item = EventJson.MAPPER.createObjectNode();
        item.put("configurationItemVersion", base.version());
        item.put("awsAccountId", base.accountId());
        put(item, "configurationItemCaptureTime", base.configurationItemCaptureTime());
        item.put("configurationItemStatus", base.configurationItemStatusAsString());
        item.put("configurationStateId", base.configurationStateId());
        item.put("ARN", base.arn());
        item.put("resourceType", base.resourceTypeAsString());
        item.put("resourceId", base.resourceId());
        item.put("resourceName", base.resourceName());
        item.put("awsRegion", base.awsRegion());
        item.put("availabilityZone", base.availabilityZone());
        put(item, "resourceCreationTime", base.resourceCreationTime());
        putConfiguration(item, base.configuration(), base.supplementaryConfiguration());
        return normalize(item);
    }

    private static void putConfiguration(ObjectNode item, String configuration, Map<String, String> supplementary) {
        if (configuration == null) {
            item.putNull("configuration");
        } else {
            item.put("configuration", configuration);
        }
        ObjectNode supplementaryNode = item.putObject("supplementaryConfiguration");
        supplementary.forEach(supplementaryNode::put);
    }

    private static JsonNode parseEmbedded(String text, JsonNode item, String member) {
        try {
            JsonNode parsed = EventJson.MAPPER.readTree(text);
            // Blank text parses to a missing node, which has no JSON value and would fail the conversion to Rego.
            return parsed == null || parsed.isMissingNode() ? EventJson.MAPPER.getNodeFactory().textNode(text) : parsed;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.atWarn().addKeyValue(LogKey.RESOURCE_ID.key(), resourceId(item))
                    .addKeyValue(LogKey.REASON.key(), member + " is not valid JSON")
                    .log("configuration item member kept as text");
            return EventJson.MAPPER.getNodeFactory().textNode(text);
        }
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static void put(ObjectNode item, String field, Instant time) {
        if (time == null) {
            item.putNull(field);
        } else {
            item.put(field, time.toString());
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
