package dev.lambdashield.rules.deployment;

import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicySelection;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.RemediationMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the template's AWS Config resources from the policies' metadata: one custom rule per policy, triggered by
 * configuration changes and periodically, and an {@code AWS::Config::RemediationConfiguration} for each policy
 * whose remediation mode is {@code auto}. It also writes {@code AutomationRole}, the role the rule Lambda passes as
 * {@code AutomationAssumeRole} when it starts an {@code auto} remediation itself: it carries the managed policies
 * of exactly the documents that {@code auto} policies name, so it can change nothing else, and the template's
 * {@value #PROTECTION_POLICY}.
 *
 * <p>The output is YAML indented to sit under the template's {@code Resources:} key, sorted by policy id, so the
 * same policies always give the same text. It references template resources by logical id
 * ({@code RuleFunction}, {@code RuleFunctionConfigPermission}, the parameters {@code PeriodicFrequency} and the
 * condition {@code ConfigAutomaticRemediation}); the deploy module's tests check that those exist.
 */
public final class ConfigRuleTemplateGenerator {

    /** The Config rule name is this prefix followed by the policy id. */
    public static final String RULE_NAME_PREFIX = "lambda-shield-";
    /** The rule parameter naming the policies a rule evaluates; the rule Lambda selects policies with it. */
    public static final String POLICIES_PARAMETER = PolicySelection.PARAMETER;

    /**
     * Resource paths whose value, for an {@code AWS::Lambda::Function}, is the configuration item's resource id
     * (AWS Config records a function's name as its resource id), which is the only resource value AWS Config
     * remediation can pass to a document.
     */
    private static final Set<String> RESOURCE_ID_PATHS = Set.of(
            "resourceId", "resourceName", "configuration.functionName");

    /** The template's managed policy that keeps remediation away from Lambda Shield's own function and roles. */
    public static final String PROTECTION_POLICY = "ProtectShieldPolicy";

    private static final String INDENT = "  ";

    /**
     * Generates the resources for these policies.
     *
     * @throws DeploymentConfigException when two policies share an id, a policy names an unknown document, or an
     *                                   {@code auto} remediation parameter cannot be supplied by AWS Config
     */
    public String generate(List<PolicyMetadata> policies) {
        List<PolicyMetadata> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(PolicyMetadata::id));
        rejectDuplicateIds(sorted);

        StringBuilder out = new StringBuilder();
        Set<String> autoPolicies = new TreeSet<>();
        for (PolicyMetadata policy : sorted) {
            appendRule(out, policy);
            Remediation remediation = policy.remediation();
            if (remediation != null && remediation.document() != null) {
                RemediationTarget target = targetFor(policy, remediation.document());
                if (remediation.mode() == RemediationMode.AUTO) {
                    appendRemediation(out, policy, remediation, target);
                    autoPolicies.add(target.policyLogicalId());
                }
            }
        }
        appendAutomationRole(out, autoPolicies);
        return out.toString();
    }

    /** Returns the logical id of the Config rule for this policy id, e.g. {@code ConfigRuleLambdaTracingActive}. */
    public static String ruleLogicalId(String policyId) {
        return "ConfigRule" + pascalCase(policyId);
    }

    /** Returns the logical id of the remediation configuration for this policy id. */
    public static String remediationLogicalId(String policyId) {
        return "Remediation" + pascalCase(policyId);
    }

    private static void rejectDuplicateIds(List<PolicyMetadata> policies) {
        Set<String> seen = new HashSet<>();
        for (PolicyMetadata policy : policies) {
            if (!seen.add(policy.id())) {
                throw new DeploymentConfigException(DeploymentConfigException.DUPLICATE_POLICY,
                        "two policies declare id '" + policy.id() + "' (" + policy.location()
                                + "); give each policy its own id");
            }
        }
    }

    private static RemediationTarget targetFor(PolicyMetadata policy, String document) {
        return RemediationTargets.byName(document).orElseThrow(() -> new DeploymentConfigException(
                DeploymentConfigException.UNKNOWN_DOCUMENT,
                "policy '" + policy.id() + "' (" + policy.location() + ") names SSM document '" + document
                        + "', which deploy/template.yaml neither deploys nor reuses; add the document to deploy/ssm/"
                        + " and to RemediationTargets, or name one of " + knownDocuments()));
    }

    private static String knownDocuments() {
        List<String> names = new ArrayList<>();
        for (RemediationTarget target : RemediationTargets.all()) {
            names.add(target.documentName());
        }
        return String.join(", ", names);
    }

    private static void appendRule(StringBuilder out, PolicyMetadata policy) {
        line(out, 1, ruleLogicalId(policy.id()) + ":");
        line(out, 2, "Type: AWS::Config::ConfigRule");
        line(out, 2, "DependsOn: RuleFunctionConfigPermission");
        line(out, 2, "Properties:");
        line(out, 3, "ConfigRuleName: " + RULE_NAME_PREFIX + policy.id());
        line(out, 3, "Description: " + quote(truncate(policy.title(), 256)));
        line(out, 3, "InputParameters:");
        line(out, 4, POLICIES_PARAMETER + ": " + policy.id());
        line(out, 3, "Scope:");
        line(out, 4, "ComplianceResourceTypes:");
        for (String type : policy.resourceTypes()) {
            line(out, 5, "- " + type);
        }
        line(out, 3, "Source:");
        line(out, 4, "Owner: CUSTOM_LAMBDA");
        line(out, 4, "SourceIdentifier: !Ref RuleFunction.Alias");
        line(out, 4, "SourceDetails:");
        for (String messageType : List.of("ConfigurationItemChangeNotification",
                "OversizedConfigurationItemChangeNotification")) {
            line(out, 5, "- EventSource: aws.config");
            line(out, 6, "MessageType: " + messageType);
        }
        line(out, 5, "- EventSource: aws.config");
        line(out, 6, "MessageType: ScheduledNotification");
        line(out, 6, "MaximumExecutionFrequency: !Ref PeriodicFrequency");
    }

    private static void appendRemediation(StringBuilder out, PolicyMetadata policy, Remediation remediation,
                                          RemediationTarget target) {
        line(out, 1, remediationLogicalId(policy.id()) + ":");
        line(out, 2, "Type: AWS::Config::RemediationConfiguration");
        line(out, 2, "Properties:");
        line(out, 3, "ConfigRuleName: !Ref " + ruleLogicalId(policy.id()));
        line(out, 3, "TargetType: SSM_DOCUMENT");
        line(out, 3, "TargetId: " + (target.awsOwned() ? target.documentName() : "!Ref " + target.documentLogicalId()));
        // Config's automatic remediation bypasses the rule's exemption tag and per-invocation cap, so it is off
        // unless the stack opts in; see the ConfigAutomaticRemediation condition.
        line(out, 3, "Automatic: !If [ConfigAutomaticRemediation, true, false]");
        line(out, 3, "MaximumAutomaticAttempts: 3");
        line(out, 3, "RetryAttemptSeconds: 60");
        line(out, 3, "Parameters:");
        line(out, 4, "AutomationAssumeRole:");
        line(out, 5, "StaticValue:");
        line(out, 6, "Values:");
        line(out, 7, "- !GetAtt " + target.roleLogicalId() + ".Arn");
        for (Map.Entry<String, String> parameter : new TreeMap<>(remediation.parameters()).entrySet()) {
            appendParameter(out, policy, parameter.getKey(), parameter.getValue());
        }
    }

    private static void appendAutomationRole(StringBuilder out, Set<String> managedPolicies) {
        line(out, 1, "AutomationRole:");
        line(out, 2, "Type: AWS::IAM::Role");
        line(out, 2, "Properties:");
        line(out, 3, "Description: Runs the SSM documents of policies in auto mode when the rule Lambda starts them.");
        line(out, 3, "AssumeRolePolicyDocument:");
        line(out, 4, "Version: '2012-10-17'");
        line(out, 4, "Statement:");
        line(out, 5, "- Sid: AssumedBySsmAutomation");
        line(out, 6, "Effect: Allow");
        line(out, 6, "Principal:");
        line(out, 7, "Service: ssm.amazonaws.com");
        line(out, 6, "Action: sts:AssumeRole");
        line(out, 6, "Condition:");
        line(out, 7, "StringEquals:");
        line(out, 8, "aws:SourceAccount: !Ref AWS::AccountId");
        line(out, 3, "ManagedPolicyArns:");
        for (String policy : managedPolicies) {
            line(out, 4, "- !Ref " + policy);
        }
        line(out, 4, "- !Ref " + PROTECTION_POLICY);
    }

    private static void appendParameter(StringBuilder out, PolicyMetadata policy, String name, String source) {
        if (name.equals("AutomationAssumeRole")) {
            return; // the template always passes the document's own role
        }
        line(out, 4, name + ":");
        if (source.startsWith("=")) {
            line(out, 5, "StaticValue:");
            line(out, 6, "Values:");
            line(out, 7, "- " + quote(source.substring(1)));
            return;
        }
        if (!RESOURCE_ID_PATHS.contains(source)) {
            throw new DeploymentConfigException(DeploymentConfigException.UNSUPPORTED_PARAMETER,
                    "policy '" + policy.id() + "' (" + policy.location() + ") maps remediation parameter '" + name
                            + "' to '" + source + "', but AWS Config remediation can pass only the resource id ("
                            + String.join(", ", new TreeSet<>(RESOURCE_ID_PATHS))
                            + ") or a literal starting with '='; use one of those or set the mode to approval");
        }
        line(out, 5, "ResourceValue:");
        line(out, 6, "Value: RESOURCE_ID");
    }

    private static String pascalCase(String policyId) {
        StringBuilder name = new StringBuilder();
        for (String part : policyId.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static String truncate(String text, int max) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }

    /** Quotes a scalar for YAML: single quotes, with embedded single quotes doubled. */
    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void line(StringBuilder out, int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }
}
