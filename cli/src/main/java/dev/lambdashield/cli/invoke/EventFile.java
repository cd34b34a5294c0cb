package dev.lambdashield.cli.invoke;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.JsonFiles;

import java.nio.file.Path;

/** Reads a file holding the Lambda event AWS Config sends to a custom rule. */
public final class EventFile {

    private EventFile() {
    }

    /**
     * Reads and maps the event.
     *
     * @throws CliException when the file is missing, is not JSON, or is not a Config rule event
     */
    public static ConfigEvent read(Path file) {
        JsonNode json = JsonFiles.read(file);
        return fromJson(json, file.toString());
    }

    /** Maps an event document; {@code displayName} names it in error messages. */
    public static ConfigEvent fromJson(JsonNode json, String displayName) {
        if (!json.isObject()) {
            throw new CliException(displayName + ": not a Config rule event: expected a JSON object");
        }
        JsonNode invokingEvent = json.get("invokingEvent");
        if (invokingEvent == null || !invokingEvent.isTextual()) {
            throw new CliException(displayName + ": not a Config rule event: 'invokingEvent' must be a JSON string");
        }
        ConfigEvent event = new ConfigEvent();
        event.setVersion(text(json, "version"));
        event.setInvokingEvent(invokingEvent.asText());
        event.setRuleParameters(ruleParameters(json.get("ruleParameters"), displayName));
        event.setResultToken(text(json, "resultToken"));
        event.setEventLeftScope(json.path("eventLeftScope").asBoolean(false));
        event.setExecutionRoleArn(text(json, "executionRoleArn"));
        event.setConfigRuleArn(text(json, "configRuleArn"));
        event.setConfigRuleName(text(json, "configRuleName"));
        event.setConfigRuleId(text(json, "configRuleId"));
        event.setAccountId(text(json, "accountId"));
        return event;
    }

    /** Returns whether a JSON document has the shape of a Config rule event. */
    public static boolean looksLikeEvent(JsonNode json) {
        return json.isObject() && json.path("invokingEvent").isTextual();
    }

    private static String ruleParameters(JsonNode node, String displayName) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject()) {
            // Config sends the parameters as a JSON string; an object written by hand means the same.
            return node.toString();
        }
        throw new CliException(displayName + ": 'ruleParameters' must be a JSON string or object");
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
