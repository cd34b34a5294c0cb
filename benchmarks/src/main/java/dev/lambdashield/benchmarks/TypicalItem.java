package dev.lambdashield.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;

/**
 * The typical configuration item of the per-item benchmarks, taken from the change-notification fixture: its
 * {@code configurationItem} serialized on its own, as the rule receives it inside the invoking event.
 *
 * @param json              the item's JSON text
 * @param captureTime       the item's capture time (the ordering timestamp of its evaluation)
 */
public record TypicalItem(String json, Instant captureTime) {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    public static TypicalItem load() {
        try {
            JsonNode event = MAPPER.readTree(RepositoryFiles.read(RepositoryFiles.TYPICAL_EVENT));
            JsonNode invoking = MAPPER.readTree(event.get("invokingEvent").asText());
            JsonNode item = invoking.get("configurationItem");
            return new TypicalItem(MAPPER.writeValueAsString(item),
                    Instant.parse(item.get("configurationItemCaptureTime").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invalid fixture " + RepositoryFiles.TYPICAL_EVENT, e);
        }
    }
}
