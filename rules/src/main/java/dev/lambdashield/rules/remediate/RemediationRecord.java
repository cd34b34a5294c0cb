package dev.lambdashield.rules.remediate;

/**
 * One remediation candidate and what happened to it.
 *
 * @param policyId    the policy that denied
 * @param resourceId  the function
 * @param mode        the policy's remediation mode ({@code auto}, {@code approval}, {@code manual})
 * @param outcome     what happened
 * @param reason      why, in a few words (for skips, rejections and failures), or the execution id when started
 * @param idempotency the ClientToken or execution name used, or {@code null} when no start was attempted
 */
public record RemediationRecord(String policyId, String resourceId, String mode, RemediationOutcome outcome,
                                String reason, String idempotency) {
}
