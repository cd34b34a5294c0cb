package dev.lambdashield.rules.testutils;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared fixtures under {@code test-fixtures/} at the repository root. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Path root() {
        String configured = System.getProperty("lambdashield.repo.root");
        Path base = configured != null ? Path.of(configured) : Path.of("..");
        return base.resolve("test-fixtures");
    }

    public static Path events() {
        return root().resolve("events");
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a fixture event the way the Lambda runtime would bind it. */
    public static ConfigEvent event(String name) {
        return toEvent(json(events().resolve(name + ".json")));
    }

    public static ConfigEvent toEvent(JsonNode node) {
        ConfigEvent event = new ConfigEvent();
        event.setVersion(node.path("version").asText(null));
        event.setInvokingEvent(node.path("invokingEvent").asText(null));
        event.setRuleParameters(node.has("ruleParameters") ? node.get("ruleParameters").asText() : null);
        event.setResultToken(node.path("resultToken").asText(null));
        event.setEventLeftScope(node.path("eventLeftScope").asBoolean(false));
        event.setExecutionRoleArn(node.path("executionRoleArn").asText(null));
        event.setConfigRuleArn(node.path("configRuleArn").asText(null));
        event.setConfigRuleName(node.path("configRuleName").asText(null));
        event.setConfigRuleId(node.path("configRuleId").asText(null));
        event.setAccountId(node.path("accountId").asText(null));
        return event;
    }

    /** The recorded AWS response of a fixture, e.g. ("oversized", "GetResourceConfigHistory"). */
    public static String awsResponse(String name, String operation) {
        return text(events().resolve(name + ".aws").resolve(operation + ".json"));
    }
}
