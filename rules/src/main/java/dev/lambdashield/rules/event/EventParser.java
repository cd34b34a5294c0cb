package dev.lambdashield.rules.event;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the Lambda event AWS Config sends to a custom rule into a {@link RuleEvent}. */
public final class EventParser {

    private EventParser() {
    }

    /**
     * Parses the event.
     *
     * @throws EventException {@code invalid_event} for malformed JSON or a missing field,
     *                        {@code unsupported_message_type} for a message type custom rules do not get
     */
    public static RuleEvent parse(ConfigEvent event) {
        if (event.getInvokingEvent() == null) {
            throw new EventException("invalid_event", "the event has no invokingEvent");
        }
        JsonNode invoking = EventJson.parse(event.getInvokingEvent(), "invokingEvent");
        if (!invoking.isObject()) {
            throw new EventException("invalid_event", "invokingEvent is not a JSON object");
        }
        String typeName = invoking.path("messageType").asText("");
        MessageType type = MessageType.fromWireName(typeName).orElseThrow(() -> new EventException(
                "unsupported_message_type", "messageType '" + typeName + "' is not one of "
                + "ConfigurationItemChangeNotification, OversizedConfigurationItemChangeNotification, "
                + "ScheduledNotification"));
        return new RuleEvent(type, invoking, ruleParameters(event.getRuleParameters()), event.getResultToken(),
                event.getEventLeftScope(), event.getConfigRuleName(), event.getConfigRuleArn(),
                event.getAccountId(), instant(invoking.get("notificationCreationTime"), "notificationCreationTime"));
    }

    /** Parses {@code ruleParameters}; absent, blank or {@code null} means no parameters. */
    static Map<String, String> ruleParameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return parameters;
        }
        JsonNode node = EventJson.parse(text, "ruleParameters");
        if (node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            throw new EventException("invalid_event", "ruleParameters is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            // Config passes parameter values as strings; other JSON values are kept as their JSON text.
            parameters.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
        }
        return parameters;
    }

    /** Parses an RFC 3339 timestamp field; {@code null} when absent. */
    static Instant instant(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new EventException("invalid_event", field + " '" + node.asText()
                    + "' is not an RFC 3339 timestamp", e);
        }
    }
}
