package dev.lambdashield.rules.remediate;

/** The result for one remediation candidate. Each result is logged and counted (see {@link OutcomeCounter}). */
public enum RemediationOutcome {
    /** The SSM Automation or the approval state machine was started. */
    STARTED,
    /** The same remediation was started before for this configuration state (same idempotency key). */
    ALREADY_STARTED,
    /** The start request was printed, not sent, because of the dry-run switch or a dry-run invocation. */
    DRY_RUN,
    /** The policy's mode is {@code manual}: the fix is only recommended (in the finding). */
    RECOMMENDED,
    /** Not started: the switch is off, the function is exempt, or the per-invocation cap was reached. */
    SKIPPED,
    /** Not started because the metadata or settings make it impossible (no document, unresolvable parameter). */
    REJECTED,
    /** The start request failed after retries; the invocation fails so that Config retries it. */
    FAILED;
}
