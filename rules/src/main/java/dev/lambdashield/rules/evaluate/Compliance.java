package dev.lambdashield.rules.evaluate;

/**
 * The outcome for one resource. The first three are AWS Config's compliance types; {@link #NOT_EVALUATED}
 * marks a resource for which a policy failed, so no sink may report it as anything.
 */
public enum Compliance {
    COMPLIANT,
    NON_COMPLIANT,
    NOT_APPLICABLE,
    /** A selected policy failed to evaluate: nothing is reported and the invocation fails so Config retries. */
    NOT_EVALUATED;

    /** Whether an evaluation may be sent for this outcome. */
    public boolean isReportable() {
        return this != NOT_EVALUATED;
    }
}
