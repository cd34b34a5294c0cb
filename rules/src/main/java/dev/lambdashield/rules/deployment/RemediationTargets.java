package dev.lambdashield.rules.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SSM Automation documents {@code deploy/template.yaml} deploys or reuses. Each has its own remediation role,
 * so a document can change only what it is meant to change. The deploy module's tests check this table against
 * the template and {@code deploy/ssm/}.
 */
public final class RemediationTargets {

    private static final List<RemediationTarget> TARGETS = List.of(
            new RemediationTarget("LambdaShield-RemovePublicPolicyStatements", "RemovePublicPolicyStatementsDocument",
                    "RemovePublicPolicyStatementsRole", "RemovePublicPolicyStatementsPolicy",
                    "remove-public-policy-statements.yaml"),
            new RemediationTarget("LambdaShield-SetFunctionUrlAuthIam", "SetFunctionUrlAuthIamDocument",
                    "SetFunctionUrlAuthIamRole", "SetFunctionUrlAuthIamPolicy",
                    "set-function-url-auth-iam.yaml"),
            new RemediationTarget("LambdaShield-SetReservedConcurrency", "SetReservedConcurrencyDocument",
                    "SetReservedConcurrencyRole", "SetReservedConcurrencyPolicy",
                    "set-reserved-concurrency.yaml"),
            new RemediationTarget("LambdaShield-QuarantineFunction", "QuarantineFunctionDocument",
                    "QuarantineFunctionRole", "QuarantineFunctionPolicy",
                    "quarantine-function.yaml"),
            new RemediationTarget("LambdaShield-RevokeRoleSessions", "RevokeRoleSessionsDocument",
                    "RevokeRoleSessionsRole", "RevokeRoleSessionsPolicy",
                    "revoke-role-sessions.yaml"),
            new RemediationTarget("LambdaShield-AttachDeadLetterQueue", "AttachDeadLetterQueueDocument",
                    "AttachDeadLetterQueueRole", "AttachDeadLetterQueuePolicy",
                    "attach-dead-letter-queue.yaml"),
            new RemediationTarget("LambdaShield-EncryptEnvironment", "EncryptEnvironmentDocument",
                    "EncryptEnvironmentRole", "EncryptEnvironmentPolicy",
                    "encrypt-environment.yaml"),
            new RemediationTarget("AWSConfigRemediation-ConfigureLambdaFunctionXRayTracing", null,
                    "ConfigureTracingRole", "ConfigureTracingPolicy",
                    null));

    private static final Map<String, RemediationTarget> BY_NAME = TARGETS.stream()
            .collect(Collectors.toUnmodifiableMap(RemediationTarget::documentName, Function.identity()));

    private RemediationTargets() {
    }

    /** Returns every document, ours first, in a fixed order. */
    public static List<RemediationTarget> all() {
        return TARGETS;
    }

    /** Returns the document with this name, if the deployment deploys or reuses it. */
    public static Optional<RemediationTarget> byName(String documentName) {
        return Optional.ofNullable(BY_NAME.get(documentName));
    }
}
