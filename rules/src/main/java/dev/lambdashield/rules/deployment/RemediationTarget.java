package dev.lambdashield.rules.deployment;

/**
 * An SSM Automation document the deployment can run, and the IAM role that runs it.
 *
 * @param documentName      the document name policies use in {@code remediation.document}
 * @param documentLogicalId the template's {@code AWS::SSM::Document} resource, or {@code null} for a document
 *                          owned by AWS, which exists in every account
 * @param roleLogicalId     the template's {@code AWS::IAM::Role} passed as {@code AutomationAssumeRole}
 * @param policyLogicalId   the template's {@code AWS::IAM::ManagedPolicy} with exactly the permissions the
 *                          document needs; attached to its role and, for documents in {@code auto} mode, to the
 *                          rule Lambda's automation role
 * @param file              the document's file under {@code deploy/ssm/}, or {@code null} for an AWS-owned one
 */
public record RemediationTarget(String documentName, String documentLogicalId, String roleLogicalId,
                                String policyLogicalId, String file) {

    /** Checks whether AWS owns the document, so the template references it by name instead of deploying it. */
    public boolean awsOwned() {
        return documentLogicalId == null;
    }
}
