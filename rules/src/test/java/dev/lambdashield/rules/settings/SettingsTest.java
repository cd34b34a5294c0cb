package dev.lambdashield.rules.settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    void defaults_whenOnlyRegionSet() {
        Settings settings = Settings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        assertEquals("eu-west-1", settings.region().id());
        assertFalse(settings.dryRun());
        assertTrue(settings.policyDirectory().isEmpty());
        assertTrue(settings.awsEndpoint().endpointIfAny().isEmpty());
        assertEquals("INFO", settings.logLevel());
        assertEquals("LambdaShield", settings.metricsNamespace());
        assertEquals(Duration.ofSeconds(5), settings.timeReserve());
    }

    @Test
    void variables_read() {
        Settings settings = Settings.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "LAMBDA_SHIELD_DRY_RUN", "TRUE", "LAMBDA_SHIELD_POLICY_DIR", "/opt/policies",
                "LAMBDA_SHIELD_AWS_ENDPOINT", "http://127.0.0.1:4566", "AWS_LAMBDA_LOG_LEVEL", "debug",
                "LAMBDA_SHIELD_TIME_RESERVE_MS", "1500", "LAMBDA_SHIELD_ENRICHMENT", "true"));

        assertTrue(settings.dryRun());
        assertEquals(Path.of("/opt/policies"), settings.policyDirectory().orElseThrow());
        assertEquals("http://127.0.0.1:4566", settings.awsEndpoint().endpoint().toString());
        assertEquals("DEBUG", settings.logLevel());
        assertEquals(Duration.ofMillis(1500), settings.timeReserve());
        assertTrue(settings.enrichment());
    }

    @Test
    void invalidBoolean_namesVariableNotValue() {
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.fromEnvironment(
                Map.of("AWS_REGION", "us-east-1", "LAMBDA_SHIELD_DRY_RUN", "s3cr3t-ish")));

        assertTrue(e.getMessage().contains("LAMBDA_SHIELD_DRY_RUN"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-ish"), e.getMessage());
    }

    @Test
    void missingRegion_rejected() {
        assertThrows(SettingsException.class, () -> Settings.fromEnvironment(Map.of()));
    }
}
