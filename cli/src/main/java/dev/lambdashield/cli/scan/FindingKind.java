package dev.lambdashield.cli.scan;

/** The kind of conclusion one policy reached about one resource. */
public enum FindingKind {
    /** A {@code deny}: the resource is NON_COMPLIANT. */
    VIOLATION,
    /** A {@code warn}: an advisory that never changes compliance. */
    WARNING,
    /** The policy failed to evaluate, so the resource has no decision. */
    ERROR,
    /** The policy ran and found nothing. */
    PASS
}
