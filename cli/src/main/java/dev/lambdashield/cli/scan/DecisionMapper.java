package dev.lambdashield.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Violation;
import dev.lambdashield.rules.redact.Redactor;

import java.util.ArrayList;
import java.util.List;

/** Turns the rule's per-resource decisions into the scan's report model. */
final class DecisionMapper {

    private DecisionMapper() {
    }

    /**
     * Maps one decision. Messages pass the rule's redactor, which has remembered every environment value seen so
     * far, so no report shows a function's environment even if a policy message quoted it.
     */
    static ResourceResult map(ResourceDecision decision, String source, Redactor redactor) {
        if (decision.configurationItem() != null) {
            redactor.rememberEnvironment(decision.configurationItem());
        }
        List<Finding> findings = new ArrayList<>();
        for (PolicyResult result : decision.results()) {
            for (Finding finding : findings(result)) {
                findings.add(new Finding(finding.policyId(), finding.policyTitle(), finding.severity(), finding.kind(),
                        redactor.redact(finding.message()), finding.path(), finding.controls()));
            }
        }
        JsonNode item = decision.configurationItem();
        return new ResourceResult(source, decision.resourceType(), decision.resourceId(), name(decision),
                decision.arn(), text(item, "awsAccountId"), text(item, "awsRegion"), decision.compliance(),
                decision.reason(), findings, decision);
    }

    private static List<Finding> findings(PolicyResult result) {
        PolicyMetadata policy = result.policy();
        List<Finding> findings = new ArrayList<>();
        if (result.failed()) {
            findings.add(finding(policy, FindingKind.ERROR, result.error().toString(), List.of()));
            return findings;
        }
        for (Violation deny : result.denies()) {
            findings.add(finding(policy, FindingKind.VIOLATION, deny.message(), deny.path()));
        }
        for (Violation warn : result.warns()) {
            findings.add(finding(policy, FindingKind.WARNING, warn.message(), warn.path()));
        }
        if (result.denies().isEmpty()) {
            findings.add(finding(policy, FindingKind.PASS, "", List.of()));
        }
        return findings;
    }

    private static Finding finding(PolicyMetadata policy, FindingKind kind, String message, List<String> path) {
        return new Finding(policy.id(), policy.title(), policy.severity(), kind, message == null ? "" : message, path,
                policy.controls());
    }

    /** The function name when the item has one, else the resource name, else the id. */
    private static String name(ResourceDecision decision) {
        JsonNode item = decision.configurationItem();
        String name = text(item.path("configuration"), "functionName");
        if (name == null) {
            name = text(item, "resourceName");
        }
        return name != null ? name : decision.resourceId() == null ? "(unknown)" : decision.resourceId();
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
