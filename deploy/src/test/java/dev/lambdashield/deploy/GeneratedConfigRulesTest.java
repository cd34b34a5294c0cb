package dev.lambdashield.deploy;

import dev.lambdashield.rules.deployment.ConfigRuleTemplateGenerator;
import dev.lambdashield.rules.deployment.GeneratedSection;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicySource;
import dev.lambdashield.rules.evaluate.RemediationMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated part of deploy/template.yaml is exactly what the generator writes for policies/. */
class GeneratedConfigRulesTest {

    private static List<PolicyMetadata> policies;
    private static Template template;

    @BeforeAll
    static void load() {
        policies = PolicyMetadataFiles.readAll();
        template = Template.load();
    }

    @Test
    void committedSectionMatchesGenerator() {
        String committed = GeneratedSection.extract(DeployFiles.templateText());
        String generated = new ConfigRuleTemplateGenerator().generate(policies);
        assertEquals(generated, committed,
                "deploy/template.yaml is out of date with policies/;"
                        + " regenerate it with `bin/lambda-shield deploy-config --write`");
    }

    @Test
    void compiledBundleGivesSameSection() {
        PolicyBundle bundle = PolicyBundle.load(PolicySource.fromDirectory(DeployFiles.repositoryRoot().resolve("policies")));
        String committed = GeneratedSection.extract(DeployFiles.templateText());
        assertEquals(new ConfigRuleTemplateGenerator().generate(bundle.policies()), committed,
                "the section must match what `lambda-shield deploy-config --write` writes from the compiled policies");
        assertEquals(policies.size(), bundle.policies().size(), "the bundle and the files list different policies");
    }

    @Test
    void everyPolicyHasAChangeAndPeriodicRule() {
        for (PolicyMetadata policy : policies) {
            String id = ConfigRuleTemplateGenerator.ruleLogicalId(policy.id());
            assertEquals("AWS::Config::ConfigRule", template.type(id), policy.id());
            Map<String, Object> properties = template.properties(id);
            assertEquals(ConfigRuleTemplateGenerator.RULE_NAME_PREFIX + policy.id(), properties.get("ConfigRuleName"));
            Map<String, Object> source = Template.asMap(properties.get("Source"), id);
            assertEquals("CUSTOM_LAMBDA", source.get("Owner"));
            assertEquals(Map.of("Ref", "RuleFunction.Alias"), source.get("SourceIdentifier"));
            List<Object> details = Template.asList(source.get("SourceDetails"), id);
            assertTrue(details.stream().anyMatch(d -> "ConfigurationItemChangeNotification"
                    .equals(Template.asMap(d, id).get("MessageType"))), id + " is not change-triggered");
            assertTrue(details.contains(Map.of("EventSource", "aws.config", "MessageType", "ScheduledNotification",
                    "MaximumExecutionFrequency", Map.of("Ref", "PeriodicFrequency"))), id + " is not periodic");
            assertEquals(Map.of(ConfigRuleTemplateGenerator.POLICIES_PARAMETER, policy.id()),
                    properties.get("InputParameters"), id);
        }
    }

    @Test
    void onlyAutoPoliciesHaveConfigRemediation() {
        for (PolicyMetadata policy : policies) {
            String id = ConfigRuleTemplateGenerator.remediationLogicalId(policy.id());
            boolean auto = policy.remediation() != null && policy.remediation().mode() == RemediationMode.AUTO;
            assertEquals(auto, template.resources().containsKey(id), policy.id() + " remediation configuration");
            if (auto) {
                Map<String, Object> properties = template.properties(id);
                assertEquals(Map.of("Fn::If", List.of("ConfigAutomaticRemediation", true, false)),
                        properties.get("Automatic"), "AWS Config must not remediate unless the stack opts in");
            }
        }
        assertEquals(template.resourcesOfType("AWS::Config::RemediationConfiguration").size(),
                policies.stream().filter(p -> p.remediation() != null
                        && p.remediation().mode() == RemediationMode.AUTO).count());
    }

    @Test
    void automationRoleIsGenerated() {
        Map<String, Object> role = template.properties("AutomationRole");
        List<Object> managed = Template.asList(role.get("ManagedPolicyArns"), "ManagedPolicyArns");
        assertTrue(managed.contains(Map.of("Ref", ConfigRuleTemplateGenerator.PROTECTION_POLICY)));
        assertFalse(role.containsKey("Policies"));
    }
}
