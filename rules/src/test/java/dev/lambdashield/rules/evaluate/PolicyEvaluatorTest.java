package dev.lambdashield.rules.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.event.EventJson;
import dev.lambdashield.rules.testutils.Fixtures;
import dev.lambdashield.rules.testutils.TestApplications;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions made by the real engine on the repository's policies. */
class PolicyEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LATER = Instant.now().plusSeconds(60);
    private static final EvaluationContext CONTEXT = new EvaluationContext("123456789012", "us-east-1",
            "lambda-shield-functions", "ConfigurationItemChangeNotification", NOW);

    private static PolicyEvaluator evaluator(String policies) {
        return PolicyEvaluator.create(TestApplications.bundle(), Map.of("policies", policies), CONTEXT, null);
    }

    private static JsonNode item(String fixture) {
        JsonNode event = Fixtures.json(Fixtures.events().resolve(fixture + ".json"));
        return EventJson.parse(event.get("invokingEvent").asText(), "invokingEvent").get("configurationItem");
    }

    @Test
    void tracingPassThrough_nonCompliantWithPath() {
        ResourceDecision decision = evaluator("lambda-tracing-active").evaluate(item("left-scope"), NOW, LATER);

        assertEquals(Compliance.NON_COMPLIANT, decision.compliance());
        Violation violation = decision.denials().get(0).denies().get(0);
        assertEquals(java.util.List.of("configuration", "tracingConfig", "mode"), violation.path());
        assertTrue(violation.message().contains("orders-api"), violation.message());
    }

    @Test
    void compliantItem_compliant() {
        ResourceDecision decision = evaluator("lambda-tracing-active,lambda-dead-letter-queue,lambda-inside-vpc")
                .evaluate(item("change-compliant"), NOW, LATER);

        assertEquals(Compliance.COMPLIANT, decision.compliance(), decision.results().toString());
        assertEquals(3, decision.results().size());
    }

    @Test
    void imageFunction_nullFieldsHandled() {
        ResourceDecision decision = evaluator("lambda-runtime-supported,lambda-layers-trusted-accounts,"
                + "lambda-tracing-active").evaluate(item("image-function"), NOW, LATER);

        assertEquals(Compliance.COMPLIANT, decision.compliance(), decision.results().toString());
    }

    @Test
    void uncoveredType_notApplicableWithoutPolicies() {
        ResourceDecision decision = evaluator("lambda-tracing-active").evaluate(item("other-resource-type"), NOW,
                LATER);

        assertEquals(Compliance.NOT_APPLICABLE, decision.compliance());
        assertTrue(decision.results().isEmpty());
        assertEquals("no selected policy covers AWS::S3::Bucket", decision.reason());
    }

    @Test
    void enrichmentPolicy_skippedWhenOff() {
        PolicyEvaluator evaluator = evaluator("lambda-url-auth-iam,lambda-tracing-active");

        assertEquals(java.util.List.of("lambda-url-auth-iam"),
                evaluator.skipped().stream().map(PolicyMetadata::id).toList());
        ResourceDecision decision = evaluator.evaluate(item("change-compliant"), NOW, LATER);
        assertEquals(1, decision.results().size());
        assertEquals("lambda-tracing-active", decision.results().get(0).policy().id());
    }

    @Test
    void parameters_reachPolicy() {
        PolicyEvaluator strict = PolicyEvaluator.create(TestApplications.bundle(),
                Map.of("policies", "lambda-function-settings", "timeout", "2", "memorySize", "128"), CONTEXT, null);
        PolicyEvaluator relaxed = PolicyEvaluator.create(TestApplications.bundle(),
                Map.of("policies", "lambda-function-settings", "timeout", "900", "memorySize", "10240"), CONTEXT,
                null);

        assertEquals(Compliance.NON_COMPLIANT, strict.evaluate(item("change-compliant"), NOW, LATER).compliance());
        assertEquals(Compliance.COMPLIANT, relaxed.evaluate(item("change-compliant"), NOW, LATER).compliance());
    }

    @Test
    void passedDeadline_notEvaluatedNeverCompliant() {
        ResourceDecision decision = evaluator("lambda-tracing-active").evaluate(item("change-compliant"), NOW,
                Instant.now().minusSeconds(1));

        assertEquals(Compliance.NOT_EVALUATED, decision.compliance());
        assertFalse(decision.compliance().isReportable());
        assertEquals("eval_cancel_error", decision.failures().get(0).error().code());
    }

    @Test
    void resourceTypes_ofSelection() {
        assertEquals(java.util.Set.of("AWS::Lambda::Function"), evaluator("lambda-*").resourceTypes());
    }
}
