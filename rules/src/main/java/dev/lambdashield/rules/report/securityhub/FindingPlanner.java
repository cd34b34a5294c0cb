package dev.lambdashield.rules.report.securityhub;

import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.report.Invocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one invocation's decisions into the findings to import, one per (selected policy, resource):
 * <ul>
 *   <li>a policy that denies gives a FAILED finding;</li>
 *   <li>a policy that evaluated without a deny gives a PASSED finding (imported only if a finding exists);</li>
 *   <li>a NOT_APPLICABLE resource (deleted, not recorded, left the rule's scope) archives the findings of every
 *       selected policy that covers its type (again only those that exist);</li>
 *   <li>a NOT_EVALUATED resource is left untouched, because a policy failed and nothing may be reported.</li>
 * </ul>
 * Policies the rule did not select are never touched, so two rules running different policies never archive
 * each other's findings.
 */
final class FindingPlanner {

    private FindingPlanner() {
    }

    static List<FindingDraft> plan(Invocation invocation, List<ResourceDecision> decisions,
                                   List<PolicyMetadata> selectedPolicies) {
        List<FindingDraft> drafts = new ArrayList<>();
        for (ResourceDecision decision : decisions) {
            if (decision.compliance() == Compliance.NOT_EVALUATED) {
                continue;
            }
            String accountId = accountOf(invocation, decision);
            String region = regionOf(invocation, decision);
            if (decision.compliance() == Compliance.NOT_APPLICABLE) {
                for (PolicyMetadata policy : selectedPolicies) {
                    if (policy.covers(decision.resourceType())) {
                        FindingKey key = new FindingKey(accountId, region, policy.id(), decision.resourceId());
                        drafts.add(new FindingDraft(key, policy, FindingState.ARCHIVED, List.of(), decision));
                    }
                }
                continue;
            }
            for (PolicyResult result : decision.results()) {
                if (result.failed()) {
                    continue;
                }
                FindingKey key = new FindingKey(accountId, region, result.policy().id(), decision.resourceId());
                FindingState state = result.denied() ? FindingState.FAILED : FindingState.PASSED;
                drafts.add(new FindingDraft(key, result.policy(), state, result.denies(), decision));
            }
        }
        return drafts;
    }

    /** Returns the item's own account, or the invocation's when the item has none (they agree for a Config rule). */
    private static String accountOf(Invocation invocation, ResourceDecision decision) {
        String account = decision.configurationItem() == null ? ""
                : decision.configurationItem().path("awsAccountId").asText("");
        return account.isEmpty() ? invocation.accountId() : account;
    }

    private static String regionOf(Invocation invocation, ResourceDecision decision) {
        String region = decision.configurationItem() == null ? ""
                : decision.configurationItem().path("awsRegion").asText("");
        return region.isEmpty() ? invocation.region() : region;
    }
}
