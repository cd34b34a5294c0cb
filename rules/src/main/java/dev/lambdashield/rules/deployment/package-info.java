/**
 * Generation of the AWS Config part of the deployment template from the policies' metadata.
 *
 * <p>{@link dev.lambdashield.rules.deployment.ConfigRuleTemplateGenerator} writes one AWS Config custom rule per
 * policy, a remediation configuration for each policy in {@code auto} mode, and the role the rule Lambda passes to
 * those documents.
 * {@link dev.lambdashield.rules.deployment.GeneratedSection} puts that text between the markers of
 * {@code deploy/template.yaml}, so the template never drifts from {@code policies/}.
 * {@link dev.lambdashield.rules.deployment.RemediationTargets} lists the SSM Automation documents the template
 * deploys or reuses, with the IAM role that runs each one.
 */
package dev.lambdashield.rules.deployment;
