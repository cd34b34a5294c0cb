package dev.lambdashield.rules.evaluate;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The decision for one resource in one invocation: what every sink (Config, Security Hub, remediation)
 * reports or acts on.
 *
 * @param configurationItem  the configuration item in notification form, JSON-string fields parsed
 *                           ({@code MissingNode} when only the type and id are known, e.g. a resource gone
 *                           from the inventory)
 * @param resourceType       Config resource type, e.g. {@code AWS::Lambda::Function}
 * @param resourceId         Config resource id (for a function, its name)
 * @param arn                the resource ARN, or {@code null} when unknown
 * @param compliance         the outcome
 * @param results            one result per selected policy that covers the type; empty for NOT_APPLICABLE
 * @param orderingTimestamp  the item's capture time for change events, the notification time for periodic runs
 * @param reason             why the outcome is NOT_APPLICABLE or NOT_EVALUATED (e.g. {@code ResourceDeleted});
 *                           {@code null} otherwise
 */
public record ResourceDecision(JsonNode configurationItem, String resourceType, String resourceId, String arn,
                               Compliance compliance, List<PolicyResult> results, Instant orderingTimestamp,
                               String reason) {

    public ResourceDecision {
        results = List.copyOf(results);
    }

    /** A NOT_APPLICABLE decision with no policy evaluated. */
    public static ResourceDecision notApplicable(JsonNode item, String resourceType, String resourceId, String arn,
                                                 Instant orderingTimestamp, String reason) {
        return new ResourceDecision(item, resourceType, resourceId, arn, Compliance.NOT_APPLICABLE, List.of(),
                orderingTimestamp, reason);
    }

    /** The results of policies that denied, in policy order. */
    public List<PolicyResult> denials() {
        return results.stream().filter(PolicyResult::denied).collect(Collectors.toList());
    }

    /** The results of policies that failed to evaluate. */
    public List<PolicyResult> failures() {
        return results.stream().filter(PolicyResult::failed).collect(Collectors.toList());
    }
}
