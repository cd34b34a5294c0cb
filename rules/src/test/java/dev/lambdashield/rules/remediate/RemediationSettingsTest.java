package dev.lambdashield.rules.remediate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemediationSettingsTest {

    @Test
    void emptyEnvironment_givesDefaults() {
        RemediationSettings settings = RemediationSettings.fromEnvironment(Map.of());

        assertEquals(RemediationSwitch.DRY_RUN, settings.mode());
        assertEquals(10, settings.maxStartsPerInvocation());
        assertEquals("lambda-shield:exempt", settings.exemptionTagKey());
        assertTrue(settings.exemptFunctionPatterns().isEmpty());
        assertNull(settings.approvalStateMachineArn());
    }

    @Test
    void everyVariable_read() {
        RemediationSettings settings = RemediationSettings.fromEnvironment(Map.of(
                RemediationSettings.MODE, "ON",
                RemediationSettings.MAX_STARTS, "3",
                RemediationSettings.EXEMPTION_TAG, "security:skip",
                RemediationSettings.EXEMPT_FUNCTIONS, "sandbox-*, legacy-?",
                RemediationSettings.APPROVAL_STATE_MACHINE_ARN, "arn:aws:states:us-east-1:1:stateMachine:a",
                RemediationSettings.AUTOMATION_ROLE_ARN, "arn:aws:iam::1:role/r"));

        assertEquals(RemediationSwitch.ON, settings.mode());
        assertEquals(3, settings.maxStartsPerInvocation());
        assertEquals("security:skip", settings.exemptionTagKey());
        assertEquals(List.of("sandbox-*", "legacy-?"), settings.exemptFunctionPatterns());
        assertEquals("arn:aws:states:us-east-1:1:stateMachine:a", settings.approvalStateMachineArn());
        assertEquals("arn:aws:iam::1:role/r", settings.automationAssumeRoleArn());
    }

    @Test
    void invalidSwitch_namesVariableNotValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RemediationSettings.fromEnvironment(Map.of(RemediationSettings.MODE, "sometimes-secret")));

        assertTrue(error.getMessage().contains(RemediationSettings.MODE), error.getMessage());
        assertFalse(error.getMessage().contains("sometimes-secret"), error.getMessage());
    }

    @Test
    void negativeCap_rejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RemediationSettings.fromEnvironment(Map.of(RemediationSettings.MAX_STARTS, "-1")));

        assertTrue(error.getMessage().contains(RemediationSettings.MAX_STARTS), error.getMessage());
    }

    @Test
    void exemptions_matchGlobAndTagList() throws Exception {
        Exemptions exemptions = new Exemptions("lambda-shield:exempt", List.of("legacy-?", "*-sandbox"));
        com.fasterxml.jackson.databind.JsonNode tags = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"lambda-shield:exempt\":\"lambda-inside-vpc lambda-tracing-active\"}");

        assertTrue(exemptions.reason("legacy-1", null, "p").isPresent());
        assertFalse(exemptions.reason("legacy-10", null, "p").isPresent());
        assertTrue(exemptions.reason("orders-sandbox", null, "p").isPresent());
        assertTrue(exemptions.reason("orders", tags, "lambda-tracing-active").isPresent());
        assertFalse(exemptions.reason("orders", tags, "lambda-runtime-supported").isPresent());
    }
}
