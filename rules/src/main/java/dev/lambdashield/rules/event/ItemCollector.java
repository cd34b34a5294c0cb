package dev.lambdashield.rules.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lambdashield.rules.aws.ConfigApi;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.observe.LogKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.GetResourceConfigHistoryRequest;
import software.amazon.awssdk.services.config.model.GetResourceConfigHistoryResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Finds the configuration items an event is about: the item in a change notification, the item an oversized
 * notification points to (fetched from the configuration history), or the whole inventory for a periodic run
 * (see {@link InventoryWalk}).
 */
public final class ItemCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ItemCollector.class);

    private final ConfigApi config;
    private final Retry retry;
    private final Duration reserve;

    /**
     * @param reserve time to keep for evaluation and reporting: the inventory walk starts no page with less left
     */
    public ItemCollector(ConfigApi config, Retry retry, Duration reserve) {
        this.config = config;
        this.retry = retry;
        this.reserve = reserve;
    }

    /**
     * Collects the items of {@code event}.
     *
     * @param resourceTypes the types the selected policies cover; a periodic run lists these
     * @throws EventException for a malformed event or an oversized item that the history does not have
     */
    public CollectedItems collect(RuleEvent event, Set<String> resourceTypes, Instant now) {
        switch (event.messageType()) {
            case CONFIGURATION_ITEM_CHANGE:
                return single(change(event, now));
            case OVERSIZED_CONFIGURATION_ITEM_CHANGE:
                return oversized(event, now);
            case SCHEDULED:
                return new InventoryWalk(config, retry, reserve).walk(event, resourceTypes, orNow(event, now));
            default:
                throw new IllegalStateException("unhandled message type " + event.messageType());
        }
    }

    private EventItem change(RuleEvent event, Instant now) {
        JsonNode raw = event.invokingEvent().get("configurationItem");
        if (raw == null || !raw.isObject()) {
            throw new EventException("invalid_event", "the change notification has no configurationItem object");
        }
        JsonNode item = ConfigurationItems.normalize(raw);
        requireKey(item, "configurationItem");
        return classify(event, item, orderingTime(item, event, now));
    }

    private CollectedItems oversized(RuleEvent event, Instant now) {
        JsonNode summary = event.invokingEvent().get("configurationItemSummary");
        if (summary == null || !summary.isObject()) {
            throw new EventException("invalid_event",
                    "the oversized notification has no configurationItemSummary object");
        }
        requireKey(summary, "configurationItemSummary");

        Instant captureTime = ConfigurationItems.captureTime(summary);
        String reason = notApplicableReason(event, summary);
        if (reason != null) {
            // Nothing to evaluate, so the full item is not fetched.
            return single(EventItem.notApplicable(summary, captureTime == null ? orNow(event, now) : captureTime,
                    reason));
        }
        GetResourceConfigHistoryResponse history = config.getResourceConfigHistory(
                GetResourceConfigHistoryRequest.builder()
                        .resourceType(ConfigurationItems.resourceType(summary))
                        .resourceId(ConfigurationItems.resourceId(summary))
                        .laterTime(captureTime)
                        .limit(1)
                        .build());

        List<ConfigurationItem> items = history.configurationItems();
        if (items.isEmpty()) {
            throw new EventException("resource_not_found", "GetResourceConfigHistory returned no item for "
                    + ConfigurationItems.resourceType(summary) + " " + ConfigurationItems.resourceId(summary)
                    + " at " + captureTime + "; Config retries the invocation");
        }
        JsonNode item = ConfigurationItems.fromHistory(items.get(0));
        LOG.atDebug().addKeyValue(LogKey.RESOURCE_ID.key(), ConfigurationItems.resourceId(item))
                .log("fetched oversized configuration item from history");
        return new CollectedItems(List.of(classify(event, item, orderingTime(item, event, now))), true, 1);
    }

    /** NOT_APPLICABLE for items out of scope or without a recorded configuration; otherwise to be evaluated. */
    private static EventItem classify(RuleEvent event, JsonNode item, Instant ordering) {
        String reason = notApplicableReason(event, item);
        return reason == null ? EventItem.evaluate(item, ordering) : EventItem.notApplicable(item, ordering, reason);
    }

    private static String notApplicableReason(RuleEvent event, JsonNode item) {
        if (event.eventLeftScope()) {
            return "eventLeftScope";
        }
        String status = ConfigurationItems.status(item);
        return status != null && ConfigurationItems.NOT_RECORDED_STATUSES.contains(status) ? status : null;
    }

    private static Instant orderingTime(JsonNode item, RuleEvent event, Instant now) {
        Instant capture = ConfigurationItems.captureTime(item);
        return capture != null ? capture : orNow(event, now);
    }

    private static Instant orNow(RuleEvent event, Instant now) {
        return event.notificationTime() != null ? event.notificationTime() : now;
    }

    private static void requireKey(JsonNode item, String what) {
        if (ConfigurationItems.resourceType(item) == null || ConfigurationItems.resourceId(item) == null) {
            throw new EventException("invalid_event", what + " has no resourceType or resourceId");
        }
    }

    private static CollectedItems single(EventItem item) {
        return new CollectedItems(List.of(item), true, 0);
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
