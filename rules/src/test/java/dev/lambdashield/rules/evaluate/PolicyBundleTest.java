package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rules.testutils.TestApplications;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyBundleTest {

    private static final String HEADER = String.join("\n",
            "# METADATA",
            "# title: Test policy",
            "# custom:",
            "#   id: lambda-test-policy",
            "#   version: 1.0.0",
            "#   severity: HIGH",
            "#   resource_types:",
            "#     - AWS::Lambda::Function",
            "#   parameters:",
            "#     limit:",
            "#       type: integer",
            "#       default: 5",
            "#       description: A limit.",
            "#   remediation:",
            "#     mode: manual",
            "#     text: Fix it.",
            "package lambda_shield.lambda_test_policy",
            "",
            "deny contains {\"message\": \"over\"} if input.resource.configuration.timeout > input.parameters.limit",
            "");

    private static PolicySource source(Map<String, String> modules, Map<String, String> data) {
        return new PolicySource("test", modules, data);
    }

    @Test
    void repositoryPolicies_loadWithMetadata() {
        PolicyBundle bundle = TestApplications.bundle();

        assertFalse(bundle.policies().isEmpty());
        PolicyMetadata tracing = bundle.policies().stream().filter(p -> p.id().equals("lambda-tracing-active"))
                .findFirst().orElseThrow();
        assertEquals(Severity.LOW, tracing.severity());
        assertEquals("data.lambda_shield.lambda_tracing_active", tracing.packagePath());
        assertTrue(tracing.controls().contains("Security Hub Lambda.7"));
        assertEquals(RemediationMode.AUTO, tracing.remediation().mode());
        assertEquals("configuration.functionName", tracing.remediation().parameters().get("FunctionName"));
        assertTrue(tracing.location().file().endsWith("lambda_tracing_active.rego"));
        assertSame(bundle, TestApplications.bundle(), "a directory bundle is compiled once");
    }

    @Test
    void metadata_parametersTyped() {
        PolicyBundle bundle = PolicyBundle.load(source(Map.of("policies/t.rego", HEADER), Map.of()));

        PolicyMetadata policy = bundle.policies().get(0);
        assertEquals("lambda-test-policy", policy.id());
        assertEquals(ParameterType.INTEGER, policy.parameters().get("limit").type());
        assertEquals("5", policy.parameters().get("limit").defaultValue().toString());
    }

    @Test
    void metadata_wrongPackage_rejected() {
        String wrong = HEADER.replace("package lambda_shield.lambda_test_policy", "package lambda_shield.other");

        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyBundle.load(source(Map.of("policies/t.rego", wrong), Map.of())));

        assertEquals("invalid_policy_metadata", e.problems().get(0).code());
        assertTrue(e.getMessage().contains("policies/t.rego:1:1"), e.getMessage());
    }

    @Test
    void metadata_badSeverity_rejected() {
        String wrong = HEADER.replace("severity: HIGH", "severity: SEVERE");

        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyBundle.load(source(Map.of("policies/t.rego", wrong), Map.of())));

        assertTrue(e.getMessage().contains("SEVERE"), e.getMessage());
    }

    @Test
    void missingMetadata_onDecisionModule_rejected() {
        String bare = "package lambda_shield.lambda_bare\n\ndeny contains \"x\" if false\n";

        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyBundle.load(source(Map.of("policies/bare.rego", bare), Map.of())));

        assertTrue(e.getMessage().contains("policies/bare.rego:1:1"), e.getMessage());
    }

    @Test
    void compileError_reportedWithLocation() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyBundle.load(source(Map.of("policies/t.rego", HEADER + "deny contains x if {\n"),
                        Map.of())));

        assertTrue(e.getMessage().contains("policies/t.rego:"), e.getMessage());
        assertTrue(e.problems().get(0).code().startsWith("rego_"), e.problems().get(0).code());
    }

    @Test
    void dataFiles_mergedUnderRoot() {
        PolicyBundle bundle = PolicyBundle.load(source(Map.of("policies/t.rego", HEADER),
                Map.of("policies/data/a.json", "{\"lambda_shield_data\":{\"a\":1}}",
                        "policies/data/b.json", "{\"lambda_shield_data\":{\"b\":2}}")));

        assertEquals("{\"a\": 1, \"b\": 2}", bundle.compiled().evaluate("data.lambda_shield_data",
                dev.lambdashield.rego.EvalOptions.defaults()).orElseThrow().toString());
    }

    @Test
    void dataFiles_conflict_rejected() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicyBundle.load(source(
                Map.of("policies/t.rego", HEADER),
                Map.of("policies/data/a.json", "{\"lambda_shield_data\":{\"a\":1}}",
                        "policies/data/b.json", "{\"lambda_shield_data\":{\"a\":2}}"))));

        assertEquals("invalid_policy_data", e.problems().get(0).code());
    }

    @Test
    void emptyDirectory_rejected() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("no-policies");

        assertEquals("policy_bundle_empty", assertThrows(PolicyLoadException.class,
                () -> PolicySource.fromDirectory(empty)).problems().get(0).code());
    }
}
