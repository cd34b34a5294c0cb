package dev.lambdashield.benchmarks.harness;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.event.EventJson;

/** Maps a fixture file's JSON to the {@code ConfigEvent} the Lambda runtime would hand the handler. */
final class ConfigEvents {

    private ConfigEvents() {
    }

    static ConfigEvent fromJson(String json) {
        JsonNode node = EventJson.parse(json, "event");
        ConfigEvent event = new ConfigEvent();
        event.setVersion(text(node, "version"));
        event.setInvokingEvent(text(node, "invokingEvent"));
        event.setRuleParameters(text(node, "ruleParameters"));
        event.setResultToken(text(node, "resultToken"));
        event.setEventLeftScope(node.path("eventLeftScope").asBoolean(false));
        event.setExecutionRoleArn(text(node, "executionRoleArn"));
        event.setConfigRuleArn(text(node, "configRuleArn"));
        event.setConfigRuleName(text(node, "configRuleName"));
        event.setConfigRuleId(text(node, "configRuleId"));
        event.setAccountId(text(node, "accountId"));
        return event;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
