package dev.lambdashield.cli.scan;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.invoke.EventFile;
import dev.lambdashield.cli.replay.RecordedAwsServer;
import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.ConfigApi;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.SdkConfigApi;
import dev.lambdashield.rules.event.ConfigurationItems;
import dev.lambdashield.rules.event.EventException;
import dev.lambdashield.rules.event.EventItem;
import dev.lambdashield.rules.event.EventParser;
import dev.lambdashield.rules.event.ItemCollector;
import dev.lambdashield.rules.event.RuleEvent;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads the configuration items of one input document: a bare configuration item, an invoking event
 * ({@code messageType} and {@code configurationItem}), or a full Config rule event. Events go through the rule's
 * own item collection, so deleted, out-of-scope and oversized items are handled as the rule handles them; an
 * event that needs Config reads gets them from its recorded responses ({@code <case>.aws/}) on a local server.
 */
final class InputReader {

    /** Credentials for the local replay server, which checks none; they are not AWS credentials. */
    private static final StaticCredentialsProvider REPLAY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALREPLAY", "local-replay"));
    private static final Region DEFAULT_REGION = Region.US_EAST_1;

    /** The result of reading one file: its items, or the reason it was skipped. */
    record Read(List<EventItem> items, String skipReason) {
    }

    private InputReader() {
    }

    static Read read(Path file, JsonNode json, Set<String> resourceTypes, Instant now) {
        if (EventFile.looksLikeEvent(json)) {
            return fromEvent(file, json, resourceTypes, now);
        }
        if (json.isObject() && json.has("messageType") && json.path("configurationItem").isObject()) {
            return new Read(List.of(fromItem(file, json.get("configurationItem"), now)), null);
        }
        if (looksLikeItem(json)) {
            return new Read(List.of(fromItem(file, json, now)), null);
        }
        return new Read(List.of(), "not a configuration item or a Config event");
    }

    static boolean looksLikeItem(JsonNode json) {
        return json.isObject() && json.path("resourceType").isTextual() && json.path("resourceId").isTextual()
                && (json.has("configuration") || json.has("configurationItemStatus"));
    }

    private static EventItem fromItem(Path file, JsonNode raw, Instant now) {
        try {
            JsonNode item = ConfigurationItems.normalize(raw);
            Instant capture = ConfigurationItems.captureTime(item);
            Instant ordering = capture == null ? now : capture;
            String status = ConfigurationItems.status(item);
            if (status != null && ConfigurationItems.NOT_RECORDED_STATUSES.contains(status)) {
                return EventItem.notApplicable(item, ordering, status);
            }
            return EventItem.evaluate(item, ordering);
        } catch (EventException e) {
            throw new CliException(file + ": invalid configuration item: " + e.getMessage(), e);
        }
    }

    private static Read fromEvent(Path file, JsonNode json, Set<String> resourceTypes, Instant now) {
        ConfigEvent raw = EventFile.fromJson(json, file.toString());
        RuleEvent event;
        try {
            event = EventParser.parse(raw);
        } catch (EventException e) {
            throw new CliException(file + ": invalid Config event: " + e.getMessage(), e);
        }
        Path recordings = RecordedAwsServer.recordingsFor(file);
        Retry retry = Retry.create(Deadline.none());
        if (!Files.isDirectory(recordings)) {
            return collect(file, event, new UnavailableConfigApi(recordings), retry, resourceTypes, now);
        }
        try (RecordedAwsServer server = RecordedAwsServer.start(recordings);
             AwsClients clients = new AwsClients(new AwsEndpoint(region(event), server.endpoint(), REPLAY_CREDENTIALS))) {
            ConfigApi config = new ReadOnlyConfigApi(new SdkConfigApi(clients.config(), retry, DryRun.off()));
            return collect(file, event, config, retry, resourceTypes, now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local server for " + recordings, e);
        }
    }

    private static Read collect(Path file, RuleEvent event, ConfigApi config, Retry retry,
                                Set<String> resourceTypes, Instant now) {
        try {
            return new Read(new ItemCollector(config, retry, Duration.ZERO).collect(event, resourceTypes, now).items(),
                    null);
        } catch (UnavailableConfigApi.RecordingMissingException e) {
            return new Read(List.of(), e.getMessage());
        } catch (EventException | AwsCallException e) {
            throw new CliException(file + ": cannot collect the event's configuration items: " + e.getMessage(), e);
        }
    }

    private static Region region(RuleEvent event) {
        String region = event.ruleRegion();
        return region == null ? DEFAULT_REGION : Region.of(region);
    }
}
