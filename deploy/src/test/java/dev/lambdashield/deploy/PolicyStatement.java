package dev.lambdashield.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One IAM policy statement of the template, with the resource that contains it and the kind of policy.
 *
 * @param holder    the logical id of the role, managed policy, key or topic policy
 * @param kind      what the policy document is
 * @param statement the statement as loaded (long-form intrinsics)
 */
record PolicyStatement(String holder, Kind kind, Map<String, Object> statement) {

    enum Kind {
        /** A policy attached to a role (inline or managed). */
        IDENTITY,
        /** A role's trust policy. */
        TRUST,
        /** A KMS key policy, where Resource '*' means the key itself. */
        KEY,
        /** A resource-based policy such as an SNS topic policy. */
        RESOURCE
    }

    String sid() {
        return String.valueOf(statement.get("Sid"));
    }

    boolean allows() {
        return "Allow".equals(statement.get("Effect"));
    }

    List<String> actions() {
        List<String> actions = new ArrayList<>();
        for (Object action : Template.listOf(statement.get("Action"))) {
            actions.add(String.valueOf(action));
        }
        return actions;
    }

    List<Object> resources() {
        return Template.listOf(statement.get("Resource"));
    }

    boolean hasWildcardResource() {
        return resources().contains("*");
    }

    /** Collects every statement in the template's IAM roles, managed policies, key policies and resource policies. */
    static List<PolicyStatement> all(Template template) {
        List<PolicyStatement> statements = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            Map<String, Object> properties = template.properties(id);
            switch (template.type(id)) {
                case "AWS::IAM::Role" -> {
                    add(statements, id, Kind.TRUST, properties.get("AssumeRolePolicyDocument"));
                    for (Object policy : Template.listOf(properties.get("Policies"))) {
                        add(statements, id, Kind.IDENTITY, Template.asMap(policy, id).get("PolicyDocument"));
                    }
                }
                case "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy" ->
                        add(statements, id, Kind.IDENTITY, properties.get("PolicyDocument"));
                case "AWS::KMS::Key" -> add(statements, id, Kind.KEY, properties.get("KeyPolicy"));
                case "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy" ->
                        add(statements, id, Kind.RESOURCE, properties.get("PolicyDocument"));
                default -> {
                    // not a policy holder
                }
            }
        });
        return statements;
    }

    private static void add(List<PolicyStatement> statements, String holder, Kind kind, Object document) {
        if (document == null) {
            return;
        }
        for (Object statement : Template.asList(Template.asMap(document, holder).get("Statement"), holder)) {
            for (Map<String, Object> branch : branches(statement, holder)) {
                statements.add(new PolicyStatement(holder, kind, branch));
            }
        }
    }

    /** Returns the statement, or both branches of an {@code Fn::If} around one, without {@code AWS::NoValue}. */
    private static List<Map<String, Object>> branches(Object statement, String holder) {
        Map<String, Object> mapping = Template.asMap(statement, holder);
        if (!(mapping.get("Fn::If") instanceof List<?> ifForm)) {
            return List.of(mapping);
        }
        List<Map<String, Object>> branches = new ArrayList<>();
        for (Object branch : ifForm.subList(1, 3)) {
            if (!Map.of("Ref", "AWS::NoValue").equals(branch)) {
                branches.addAll(branches(branch, holder));
            }
        }
        return branches;
    }
}
