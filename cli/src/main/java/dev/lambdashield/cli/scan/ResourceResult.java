package dev.lambdashield.cli.scan;

import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.ResourceDecision;

import java.util.List;

/**
 * The scan's outcome for one resource.
 *
 * @param source       the file the configuration item came from, or {@code aws://<region>} for a live scan
 * @param resourceType Config resource type, e.g. {@code AWS::Lambda::Function}
 * @param resourceId   Config resource id
 * @param resourceName the resource name (for a function, the function name); the id when the item has none
 * @param arn          the resource ARN, or {@code null} when unknown
 * @param accountId    the owning account, or {@code null} when unknown
 * @param region       the region, or {@code null} when unknown
 * @param compliance   the resource's compliance
 * @param reason       why the resource is NOT_APPLICABLE or NOT_EVALUATED; {@code null} otherwise
 * @param findings     one or more findings per policy that covers the resource's type
 * @param decision     the rule's decision this result was made from, for the ASFF output
 */
public record ResourceResult(String source, String resourceType, String resourceId, String resourceName, String arn,
                             String accountId, String region, Compliance compliance, String reason,
                             List<Finding> findings, ResourceDecision decision) {

    public ResourceResult {
        findings = List.copyOf(findings);
    }

    public long count(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).count();
    }
}
