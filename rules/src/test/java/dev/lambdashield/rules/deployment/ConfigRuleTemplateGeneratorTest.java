package dev.lambdashield.rules.deployment;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.RemediationMode;
import dev.lambdashield.rules.evaluate.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigRuleTemplateGeneratorTest {

    private final ConfigRuleTemplateGenerator generator = new ConfigRuleTemplateGenerator();

    @Test
    void manualPolicy_getsRuleOnly() {
        String yaml = generator.generate(List.of(policy("lambda-required-tags", "Functions carry tags",
                new Remediation(RemediationMode.MANUAL, null, Map.of(), "Tag it.", null))));

        assertTrue(yaml.contains("  ConfigRuleLambdaRequiredTags:\n    Type: AWS::Config::ConfigRule\n"));
        assertTrue(yaml.contains("      ConfigRuleName: lambda-shield-lambda-required-tags\n"));
        assertTrue(yaml.contains("      InputParameters:\n        policies: lambda-required-tags\n"));
        assertTrue(yaml.contains("            MessageType: ScheduledNotification\n"
                + "            MaximumExecutionFrequency: !Ref PeriodicFrequency\n"));
        assertFalse(yaml.contains("AWS::Config::RemediationConfiguration"));
    }

    @Test
    void autoPolicy_getsRemediation() {
        String yaml = generator.generate(List.of(policy("lambda-tracing-active", "Tracing is on",
                new Remediation(RemediationMode.AUTO, "AWSConfigRemediation-ConfigureLambdaFunctionXRayTracing",
                        Map.of("FunctionName", "configuration.functionName"), "Turn it on.", null))));

        assertTrue(yaml.contains("  RemediationLambdaTracingActive:\n    Type: AWS::Config::RemediationConfiguration\n"));
        assertTrue(yaml.contains("      TargetId: AWSConfigRemediation-ConfigureLambdaFunctionXRayTracing\n"));
        assertTrue(yaml.contains("              - !GetAtt ConfigureTracingRole.Arn\n"));
        assertTrue(yaml.contains("        FunctionName:\n          ResourceValue:\n            Value: RESOURCE_ID\n"));
        assertTrue(yaml.contains("      Automatic: !If [ConfigAutomaticRemediation, true, false]\n"));
        assertTrue(yaml.contains("        - !Ref ConfigureTracingPolicy\n        - !Ref ProtectShieldPolicy\n"),
                "the automation role carries the auto documents' policies");
    }

    @Test
    void ownDocument_isReferencedByLogicalId() {
        String yaml = generator.generate(List.of(policy("lambda-function-not-public", "Not public",
                new Remediation(RemediationMode.AUTO, "LambdaShield-RemovePublicPolicyStatements",
                        Map.of("FunctionName", "resourceId", "Extra", "=literal's"), "Remove it.", null))));

        assertTrue(yaml.contains("      TargetId: !Ref RemovePublicPolicyStatementsDocument\n"));
        assertTrue(yaml.contains("        Extra:\n          StaticValue:\n            Values:\n              - 'literal''s'\n"));
    }

    @Test
    void approvalPolicy_getsNoRemediation() {
        String yaml = generator.generate(List.of(policy("lambda-reserved-concurrency", "Bounded",
                new Remediation(RemediationMode.APPROVAL, "LambdaShield-SetReservedConcurrency",
                        Map.of("FunctionName", "configuration.functionName"), "Reserve it.", null))));

        assertFalse(yaml.contains("RemediationConfiguration"));
        assertFalse(yaml.contains("SetReservedConcurrencyPolicy"));
        assertTrue(yaml.contains("      ManagedPolicyArns:\n        - !Ref ProtectShieldPolicy\n"));
    }

    @Test
    void output_isSortedById() {
        String yaml = generator.generate(List.of(policy("lambda-zeta", "Z", null), policy("lambda-alpha", "A", null)));

        assertTrue(yaml.indexOf("ConfigRuleLambdaAlpha:") < yaml.indexOf("ConfigRuleLambdaZeta:"));
        assertEquals(yaml, generator.generate(List.of(policy("lambda-alpha", "A", null), policy("lambda-zeta", "Z", null))));
    }

    @Test
    void unknownDocument_isRejectedWithCode() {
        DeploymentConfigException e = assertThrows(DeploymentConfigException.class, () -> generator.generate(List.of(
                policy("lambda-x", "X", new Remediation(RemediationMode.MANUAL, "Nope-Document", Map.of(), "t", null)))));

        assertEquals(DeploymentConfigException.UNKNOWN_DOCUMENT, e.code());
        assertTrue(e.getMessage().contains("Nope-Document"));
        assertTrue(e.getMessage().contains("policies/x.rego:1:1"));
    }

    @Test
    void autoParameterPath_isRejected() {
        DeploymentConfigException e = assertThrows(DeploymentConfigException.class, () -> generator.generate(List.of(
                policy("lambda-x", "X", new Remediation(RemediationMode.AUTO, "LambdaShield-SetReservedConcurrency",
                        Map.of("ReservedConcurrentExecutions", "configuration.memorySize"), "t", null)))));

        assertEquals(DeploymentConfigException.UNSUPPORTED_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("configuration.memorySize"));
    }

    @Test
    void duplicateIds_areRejectedWithCode() {
        DeploymentConfigException e = assertThrows(DeploymentConfigException.class,
                () -> generator.generate(List.of(policy("lambda-x", "A", null), policy("lambda-x", "B", null))));

        assertEquals(DeploymentConfigException.DUPLICATE_POLICY, e.code());
    }

    @Test
    void description_isOneQuotedLine() {
        String yaml = generator.generate(List.of(policy("lambda-x", "It's\n  two   lines", null)));

        assertTrue(yaml.contains("      Description: 'It''s two lines'\n"));
    }

    @Test
    void everyTargetHasDistinctLogicalIds() {
        List<RemediationTarget> targets = RemediationTargets.all();
        assertEquals(targets.size(), targets.stream().map(RemediationTarget::roleLogicalId).distinct().count());
        assertEquals(targets.size(), targets.stream().map(RemediationTarget::policyLogicalId).distinct().count());
        assertEquals(1, targets.stream().filter(RemediationTarget::awsOwned).count());
    }

    private static PolicyMetadata policy(String id, String title, Remediation remediation) {
        String name = id.substring("lambda-".length());
        return new PolicyMetadata(id, title, "description", Severity.LOW, List.of("AWS::Lambda::Function"), List.of(),
                Map.of(), remediation, List.of(), "1.0.0", "data.lambda_shield." + id.replace('-', '_'),
                new Location("policies/" + name + ".rego", 1, 1, 0));
    }
}
