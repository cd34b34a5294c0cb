package dev.lambdashield.rules.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One resource an invocation is about.
 *
 * @param item               the configuration item in notification form, normalized; {@code MissingNode} when
 *                           only the type and id are known
 * @param resourceType       Config resource type
 * @param resourceId         Config resource id
 * @param arn                the ARN, or {@code null}
 * @param orderingTimestamp  the OrderingTimestamp its evaluation carries
 * @param notApplicableReason why it is NOT_APPLICABLE without evaluating any policy, or {@code null} when the
 *                           policies decide
 */
public record EventItem(JsonNode item, String resourceType, String resourceId, String arn,
                        Instant orderingTimestamp, String notApplicableReason) {

    public static EventItem evaluate(JsonNode item, Instant orderingTimestamp) {
        return new EventItem(item, ConfigurationItems.resourceType(item), ConfigurationItems.resourceId(item),
                ConfigurationItems.arn(item), orderingTimestamp, null);
    }

    public static EventItem notApplicable(JsonNode item, Instant orderingTimestamp, String reason) {
        return new EventItem(item, ConfigurationItems.resourceType(item), ConfigurationItems.resourceId(item),
                ConfigurationItems.arn(item), orderingTimestamp, reason);
    }

    public boolean decided() {
        return notApplicableReason != null;
    }
}
