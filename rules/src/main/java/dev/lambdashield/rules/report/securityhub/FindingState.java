package dev.lambdashield.rules.report.securityhub;

/** The state a finding reports for its (policy, resource) pair after this invocation. */
public enum FindingState {
    /** The policy denies the resource: active, compliance FAILED. */
    FAILED,
    /** The resource complies again: active, compliance PASSED, workflow RESOLVED. */
    PASSED,
    /** The resource is deleted or left the rule's scope: record state ARCHIVED. */
    ARCHIVED
}
