package dev.lambdashield.rules.event;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.testutils.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventParserTest {

    @Test
    void changeNotification_fieldsRead() {
        RuleEvent event = EventParser.parse(Fixtures.event("change-compliant"));

        assertEquals(MessageType.CONFIGURATION_ITEM_CHANGE, event.messageType());
        assertEquals("lambda-shield-functions", event.ruleName());
        assertEquals("123456789012", event.accountId());
        assertEquals("us-east-1", event.ruleRegion());
        assertEquals(Instant.parse("2026-12-01T08:15:42.311Z"), event.notificationTime());
        assertFalse(event.eventLeftScope());
        assertTrue(event.ruleParameters().get("policies").startsWith("lambda-tracing-active"));
    }

    @Test
    void missingRuleParameters_empty() {
        RuleEvent event = EventParser.parse(Fixtures.event("missing-rule-parameters"));

        assertTrue(event.ruleParameters().isEmpty());
    }

    @Test
    void ruleParameters_nonStringValuesKeptAsText() {
        Map<String, String> parameters = EventParser.ruleParameters(
                "{\"timeout\":30,\"enabled\":true,\"name\":\"x\",\"unset\":null}");

        assertEquals(Map.of("timeout", "30", "enabled", "true", "name", "x"), parameters);
    }

    @Test
    void leftScope_flagRead() {
        assertTrue(EventParser.parse(Fixtures.event("left-scope")).eventLeftScope());
    }

    @Test
    void invalidJson_messageOmitsTheOffendingToken() {
        ConfigEvent event = Fixtures.event("change-compliant");
        event.setInvokingEvent("{\"configurationItem\": PlantedPlainZq1}");

        EventException e = assertThrows(EventException.class, () -> EventParser.parse(event));

        assertEquals("invalid_event", e.code());
        assertFalse(e.getMessage().contains("PlantedPlainZq1"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void invalidJson_codedError() {
        ConfigEvent event = Fixtures.event("change-compliant");
        event.setInvokingEvent("{\"messageType\":");

        EventException e = assertThrows(EventException.class, () -> EventParser.parse(event));

        assertEquals("invalid_event", e.code());
        assertTrue(e.getMessage().contains("invokingEvent"), e.getMessage());
    }

    @Test
    void unknownMessageType_codedError() {
        ConfigEvent event = Fixtures.event("change-compliant");
        event.setInvokingEvent("{\"messageType\":\"ConfigurationSnapshotDeliveryCompleted\"}");

        EventException e = assertThrows(EventException.class, () -> EventParser.parse(event));

        assertEquals("unsupported_message_type", e.code());
    }

    @Test
    void missingInvokingEvent_codedError() {
        ConfigEvent event = new ConfigEvent();

        assertEquals("invalid_event", assertThrows(EventException.class, () -> EventParser.parse(event)).code());
    }

    @Test
    void hugeInteger_keptExactly() {
        JsonNode node = EventJson.parse("{\"codeSize\":123456789012345678901234567890,\"ratio\":0.1}", "test");

        assertEquals(new BigInteger("123456789012345678901234567890"), node.get("codeSize").bigIntegerValue());
        assertEquals("0.1", node.get("ratio").decimalValue().toPlainString());
    }

    @Test
    void deepNesting_rejected() {
        String deep = "[".repeat(EventJson.MAX_DEPTH + 5) + "]".repeat(EventJson.MAX_DEPTH + 5);

        assertEquals("invalid_event", assertThrows(EventException.class, () -> EventJson.parse(deep, "x")).code());
    }
}
