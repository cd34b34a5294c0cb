package dev.lambdashield.deploy;

import dev.lambdashield.deploy.PolicyStatement.Kind;
import dev.lambdashield.rules.deployment.RemediationTarget;
import dev.lambdashield.rules.deployment.RemediationTargets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Least privilege in deploy/template.yaml: no wildcard actions, justified wildcard resources, scoped roles. */
class IamPolicyTest {

    /**
     * Actions that support no resource-level permissions, so they may be granted on Resource '*' (source: the
     * Service Authorization Reference's action tables for AWS Config, AWS X-Ray and CloudWatch Logs).
     */
    private static final Set<String> NO_RESOURCE_LEVEL = Set.of(
            "config:PutEvaluations", "config:GetResourceConfigHistory", "config:BatchGetResourceConfig",
            "config:ListDiscoveredResources", "config:GetComplianceDetailsByResource",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups");

    /** The key policy statement that may use kms:*: the account root, as in KMS's default key policy. */
    private static final String ROOT_KEY_STATEMENT = "EnableRootAccountAdministration";

    /** Calls of the AWS-owned tracing document: UpdateFunctionConfiguration, then a wait on GetFunctionConfiguration. */
    private static final Set<String> TRACING_DOCUMENT_ACTIONS =
            Set.of("lambda:GetFunctionConfiguration", "lambda:UpdateFunctionConfiguration");

    /** Permissions a document needs besides its own API calls, because Lambda calls KMS with the caller's rights. */
    private static final Map<String, Set<String>> EXTRA_ACTIONS = Map.of(
            "EncryptEnvironmentPolicy", Set.of("kms:Encrypt", "kms:CreateGrant", "kms:DescribeKey"));

    /** What the rule needs besides its own API calls: its log group, X-Ray, its dead-letter queue and PassRole. */
    private static final Set<String> RULE_INFRASTRUCTURE_ACTIONS = Set.of("logs:CreateLogStream", "logs:PutLogEvents",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "sqs:SendMessage", "kms:Decrypt", "kms:GenerateDataKey",
            "iam:PassRole");

    private static Template template;
    private static List<PolicyStatement> statements;
    private static List<String> templateLines;

    @BeforeAll
    static void load() {
        template = Template.load();
        statements = PolicyStatement.all(template);
        templateLines = List.of(DeployFiles.templateText().split("\n", -1));
    }

    @Test
    void templateHasPolicies() {
        assertTrue(statements.size() > 40, "expected the template's policies, found " + statements.size());
    }

    @Test
    void noActionIsAWildcard() {
        List<String> problems = new ArrayList<>();
        for (PolicyStatement statement : statements) {
            boolean rootKeyAdmin = statement.kind() == Kind.KEY && ROOT_KEY_STATEMENT.equals(statement.sid());
            for (String action : statement.actions()) {
                if (action.contains("*") && !rootKeyAdmin) {
                    problems.add(statement.holder() + "/" + statement.sid() + ": " + action);
                }
            }
            for (String negated : List.of("NotAction", "NotResource", "NotPrincipal")) {
                if (statement.statement().containsKey(negated)) {
                    problems.add(statement.holder() + "/" + statement.sid() + ": uses " + negated);
                }
            }
        }
        assertEquals(List.of(), problems, "wildcard or negated actions");
    }

    @Test
    void rootKeyStatementIsTheAccountRoot() {
        PolicyStatement root = statements.stream()
                .filter(s -> s.kind() == Kind.KEY && ROOT_KEY_STATEMENT.equals(s.sid())).findFirst().orElseThrow();
        assertEquals(List.of("kms:*"), root.actions());
        Map<String, Object> principal = Template.asMap(root.statement().get("Principal"), "Principal");
        assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"), principal.get("AWS"));
    }

    @Test
    void everyStatementHasAUniqueSidPerHolder() {
        Map<String, Set<String>> seen = new HashMap<>();
        for (PolicyStatement statement : statements) {
            assertNotNull(statement.statement().get("Sid"), statement.holder() + " has a statement without Sid");
            assertTrue(seen.computeIfAbsent(statement.holder(), h -> new TreeSet<>()).add(statement.sid()),
                    statement.holder() + " repeats Sid " + statement.sid());
        }
    }

    @Test
    void wildcardResourcesAreJustified() {
        List<String> problems = new ArrayList<>();
        Set<String> wildcardSids = new TreeSet<>();
        for (PolicyStatement statement : statements) {
            if (!statement.hasWildcardResource()) {
                continue;
            }
            if (!wildcardSids.add(statement.sid())) {
                problems.add(statement.sid() + ": Sid of a Resource '*' statement must be unique in the template");
            }
            switch (statement.kind()) {
                case IDENTITY -> checkNoResourceLevel(statement, problems);
                case KEY -> {
                    if (!commentAbove(statement.sid()).contains("means this key")) {
                        problems.add(statement.sid() + ": key policy statement needs a comment that Resource '*'"
                                + " means this key");
                    }
                }
                default -> problems.add(statement.holder() + "/" + statement.sid() + ": Resource '*' in a "
                        + statement.kind() + " policy");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(wildcardSids.size() >= 4, "expected the known Resource '*' statements, found " + wildcardSids);
    }

    @Test
    void noAllowForEveryone() {
        for (PolicyStatement statement : statements) {
            if (statement.allows()) {
                Object principal = statement.statement().get("Principal");
                assertFalse("*".equals(principal), statement.holder() + "/" + statement.sid() + " allows Principal *");
                if (principal instanceof Map<?, ?> map) {
                    assertFalse(Template.listOf(map.get("AWS")).contains("*"),
                            statement.holder() + "/" + statement.sid() + " allows AWS *");
                }
            }
        }
    }

    @Test
    void servicePrincipalsNeedSourceAccount() {
        int checked = 0;
        for (PolicyStatement statement : statements) {
            if (statement.kind() != Kind.TRUST && statement.kind() != Kind.KEY && statement.kind() != Kind.RESOURCE) {
                continue;
            }
            if (!(statement.statement().get("Principal") instanceof Map<?, ?> principal) || !statement.allows()) {
                continue;
            }
            List<Object> services = Template.listOf(principal.get("Service"));
            if (services.isEmpty() || services.equals(List.of("lambda.amazonaws.com"))) {
                continue;
            }
            checked++;
            Object condition = statement.statement().get("Condition");
            String text = String.valueOf(condition);
            assertTrue(text.contains("aws:SourceAccount") || text.contains("kms:EncryptionContext:aws:logs:arn"),
                    statement.holder() + "/" + statement.sid() + " lets " + services
                            + " act without an aws:SourceAccount condition");
        }
        assertTrue(checked >= 10, "expected the service trust and key statements, checked " + checked);
    }

    @Test
    void passRoleIsLimitedToSsm() {
        int checked = 0;
        for (PolicyStatement statement : statements) {
            if (statement.actions().contains("iam:PassRole")) {
                checked++;
                assertEquals(List.of("iam:PassRole"), statement.actions(), statement.sid() + " mixes PassRole with others");
                assertEquals(Map.of("StringEquals", Map.of("iam:PassedToService", "ssm.amazonaws.com")),
                        statement.statement().get("Condition"), statement.sid());
                for (Object resource : statement.resources()) {
                    String role = getAttArnTarget(resource);
                    assertEquals("AWS::IAM::Role", template.type(role), statement.sid() + " passes " + role);
                    assertTrue(isRemediationRole(role), statement.sid() + " passes " + role
                            + ", which is not a remediation role");
                }
            }
        }
        assertEquals(2, checked, "the rule role and the state machine role pass roles");
    }

    @Test
    void automationStartsAreLimitedToOwnDocuments() {
        Set<String> expected = new TreeSet<>();
        for (RemediationTarget target : RemediationTargets.all()) {
            expected.add(target.awsOwned() ? "automation-definition/" + target.documentName() + ":*"
                    : "automation-definition/${" + target.documentLogicalId() + "}:*");
        }
        int checked = 0;
        for (PolicyStatement statement : statements) {
            if (!statement.actions().contains("ssm:StartAutomationExecution")) {
                continue;
            }
            checked++;
            assertEquals(List.of("ssm:StartAutomationExecution"), statement.actions(), statement.sid());
            Set<String> documents = new TreeSet<>();
            for (Object resource : statement.resources()) {
                String arn = String.valueOf(Template.asMap(resource, statement.sid()).get("Fn::Sub"));
                documents.add(arn.substring(arn.indexOf("automation-definition/")));
            }
            assertEquals(expected, documents, statement.holder() + "/" + statement.sid());
        }
        assertEquals(2, checked, "the rule role and the state machine role start documents");
    }

    @Test
    void startExecutionOnlyOnOwnStateMachine() {
        int checked = 0;
        for (PolicyStatement statement : statements) {
            if (statement.actions().contains("states:StartExecution")) {
                checked++;
                assertEquals(List.of(Map.of("Ref", "ResponseStateMachine")), statement.resources(), statement.sid());
            }
        }
        assertEquals(2, checked, "the rule role and the EventBridge role start the state machine");
    }

    @Test
    void ruleRoleAllowsExactlyTheRulesCalls() {
        Set<String> expected = new TreeSet<>(RuleAwsCalls.iamActions());
        expected.addAll(RULE_INFRASTRUCTURE_ACTIONS);
        Set<String> allowed = new TreeSet<>();
        for (PolicyStatement statement : statements) {
            if (statement.holder().equals("RuleFunctionRole") && statement.kind() == Kind.IDENTITY) {
                allowed.addAll(statement.actions());
            }
        }
        assertEquals(expected, allowed, "the rule role must allow the AWS calls of dev.lambdashield.rules.aws,"
                + " plus logging, tracing, the dead-letter queue and passing the automation role, and nothing else");
    }

    @Test
    void remediationPoliciesAllowExactlyTheDocumentsCalls() {
        for (RemediationTarget target : RemediationTargets.all()) {
            Set<String> expected = new TreeSet<>(target.awsOwned() ? TRACING_DOCUMENT_ACTIONS
                    : SsmDocuments.iamActions(DeployFiles.ssmDocument(DeployFiles.ssmDirectory().resolve(target.file()))));
            expected.addAll(EXTRA_ACTIONS.getOrDefault(target.policyLogicalId(), Set.of()));
            Set<String> allowed = new TreeSet<>();
            for (PolicyStatement statement : statements) {
                if (statement.holder().equals(target.policyLogicalId())) {
                    assertTrue(statement.allows(), target.policyLogicalId() + " should only allow");
                    allowed.addAll(statement.actions());
                }
            }
            assertEquals(expected, allowed, target.policyLogicalId() + " must allow what "
                    + target.documentName() + " calls, and nothing else");
        }
    }

    @Test
    void remediationRolesCarryOwnPolicyOnly() {
        for (RemediationTarget target : RemediationTargets.all()) {
            Map<String, Object> role = template.properties(target.roleLogicalId());
            assertEquals(List.of(Map.of("Ref", target.policyLogicalId()), Map.of("Ref", "ProtectShieldPolicy")),
                    role.get("ManagedPolicyArns"), target.roleLogicalId());
            assertFalse(role.containsKey("Policies"), target.roleLogicalId() + " has inline policies");
            assertEquals(List.of("ssm.amazonaws.com"), trustedServices(target.roleLogicalId()), target.roleLogicalId());
        }
    }

    @Test
    void protectionDeniesEveryChangingRemediationAction() {
        Set<String> changing = new TreeSet<>();
        for (RemediationTarget target : RemediationTargets.all()) {
            for (PolicyStatement statement : statements) {
                if (statement.holder().equals(target.policyLogicalId())) {
                    statement.actions().stream()
                            .filter(a -> a.startsWith("lambda:") && !a.startsWith("lambda:Get"))
                            .forEach(changing::add);
                }
            }
        }
        Set<String> denied = new TreeSet<>();
        for (PolicyStatement statement : statements) {
            if (statement.holder().equals("ProtectShieldPolicy")) {
                assertFalse(statement.allows(), "ProtectShieldPolicy only denies");
                denied.addAll(statement.actions());
            }
        }
        assertTrue(denied.containsAll(changing), "ProtectShieldPolicy must deny " + changing + ", denies " + denied);
        assertTrue(denied.contains("iam:PutRolePolicy"));
    }

    private static void checkNoResourceLevel(PolicyStatement statement, List<String> problems) {
        String comment = commentAbove(statement.sid());
        if (!comment.contains("Resource '*'")) {
            problems.add(statement.sid() + ": Resource '*' needs a comment above the statement saying why");
        }
        for (String action : statement.actions()) {
            if (!NO_RESOURCE_LEVEL.contains(action)) {
                problems.add(statement.sid() + ": " + action + " supports resource-level permissions; name the resource");
            }
            if (!comment.contains(action)) {
                problems.add(statement.sid() + ": the comment above the statement does not name " + action);
            }
        }
    }

    /** Returns the comment lines directly above the {@code - Sid: <sid>} line, joined with spaces. */
    private static String commentAbove(String sid) {
        for (int i = 0; i < templateLines.size(); i++) {
            if (templateLines.get(i).strip().equals("- Sid: " + sid)) {
                StringBuilder comment = new StringBuilder();
                for (int j = i - 1; j >= 0 && templateLines.get(j).strip().startsWith("#"); j--) {
                    comment.insert(0, templateLines.get(j).strip().substring(1) + " ");
                }
                return comment.toString().replaceAll("\\s+", " ");
            }
        }
        return "";
    }

    private static List<Object> trustedServices(String role) {
        List<Object> services = new ArrayList<>();
        for (PolicyStatement statement : statements) {
            if (statement.holder().equals(role) && statement.kind() == Kind.TRUST) {
                services.addAll(Template.listOf(Template.asMap(statement.statement().get("Principal"), role).get("Service")));
            }
        }
        return services;
    }

    private static boolean isRemediationRole(String role) {
        return role.equals("AutomationRole")
                || RemediationTargets.all().stream().anyMatch(t -> t.roleLogicalId().equals(role));
    }

    private static String getAttArnTarget(Object resource) {
        List<Object> getAtt = Template.asList(Template.asMap(resource, "Resource").get("Fn::GetAtt"), "Fn::GetAtt");
        assertEquals("Arn", getAtt.get(1));
        return String.valueOf(getAtt.get(0));
    }
}
