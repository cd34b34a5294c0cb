package dev.lambdashield.rules.report.securityhub;

import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Violation;

import java.util.List;

/**
 * A finding the reporter means to import, before its timestamps are known (they depend on whether Security Hub
 * already has it).
 *
 * @param key      the finding's identity
 * @param policy   the policy it is about
 * @param state    what it says after this invocation
 * @param denies   the policy's violations for {@link FindingState#FAILED}; empty otherwise
 * @param decision the resource's decision, for its configuration and ARN
 */
public record FindingDraft(FindingKey key, PolicyMetadata policy, FindingState state, List<Violation> denies,
                           ResourceDecision decision) {

    public FindingDraft {
        denies = List.copyOf(denies);
    }
}
