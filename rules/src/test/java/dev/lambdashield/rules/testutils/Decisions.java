package dev.lambdashield.rules.testutils;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyError;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Severity;
import dev.lambdashield.rules.evaluate.Violation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Hand-built decisions for tests of the reporting side, which only reads decisions. Tests of how decisions are
 * made use the real policy engine instead.
 */
public final class Decisions {

    public static final String FUNCTION = "AWS::Lambda::Function";

    private Decisions() {
    }

    public static PolicyMetadata policy(String id) {
        return new PolicyMetadata(id, id + " title", id + " description", Severity.MEDIUM, List.of(FUNCTION), List.of(),
                Map.of(), null, List.of(), "1.0.0", "data.lambda_shield." + id.replace('-', '_'),
                Location.of("policies/" + id.replace('-', '_') + ".rego", 1, 1));
    }

    public static ResourceDecision compliant(String id, Instant time) {
        return new ResourceDecision(MissingNode.getInstance(), FUNCTION, id, null, Compliance.COMPLIANT,
                List.of(new PolicyResult(policy("lambda-tracing-active"), List.of(), List.of(), null)), time, null);
    }

    public static ResourceDecision nonCompliant(String id, Instant time, String message) {
        Violation violation = new Violation(message, List.of("configuration", "tracingConfig", "mode"),
                NullValue.INSTANCE);
        return new ResourceDecision(MissingNode.getInstance(), FUNCTION, id, null, Compliance.NON_COMPLIANT,
                List.of(new PolicyResult(policy("lambda-tracing-active"), List.of(violation), List.of(), null)), time,
                null);
    }

    public static ResourceDecision notEvaluated(String id, Instant time) {
        return new ResourceDecision(MissingNode.getInstance(), FUNCTION, id, null, Compliance.NOT_EVALUATED,
                List.of(PolicyResult.failed(policy("lambda-tracing-active"),
                        new PolicyError("eval_conflict_error", "complete rules must not produce multiple outputs",
                                Location.of("policies/lambda_tracing_active.rego", 12, 1)))), time, "policy error");
    }
}
