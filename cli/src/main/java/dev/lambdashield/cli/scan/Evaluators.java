package dev.lambdashield.cli.scan;

import dev.lambdashield.rules.evaluate.Enrichment;
import dev.lambdashield.rules.evaluate.EvaluationContext;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyEvaluator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One {@link PolicyEvaluator} per account and region, because {@code input.context} names them; every evaluator
 * shares the bundle, the rule parameters and the evaluation time of the scan.
 */
final class Evaluators {

    private final PolicyBundle bundle;
    private final Map<String, String> parameters;
    private final Instant evaluationTime;
    private final Enrichment enrichment;
    private final Map<String, PolicyEvaluator> byScope = new HashMap<>();
    private final PolicyEvaluator any;

    /**
     * @throws dev.lambdashield.rules.evaluate.InvalidParameterException when a parameter or the policy selection
     *                                                                  is invalid
     */
    Evaluators(PolicyBundle bundle, Map<String, String> parameters, Instant evaluationTime, Enrichment enrichment) {
        this.bundle = bundle;
        this.parameters = Map.copyOf(parameters);
        this.evaluationTime = evaluationTime;
        this.enrichment = enrichment;
        this.any = create(null, null, this.parameters);
    }

    /** Returns the time policies see as {@code input.context.evaluationTime}. */
    Instant evaluationTime() {
        return evaluationTime;
    }

    /** Returns the evaluator for resources without a known account or region, which validated the parameters up front. */
    PolicyEvaluator any() {
        return any;
    }

    PolicyEvaluator forScope(String accountId, String region) {
        return forScope(accountId, region, Map.of());
    }

    /**
     * Returns the evaluator for an account and region, with {@code itemParameters} (from a fixture's
     * {@code .parameters.json}) under the scan's own parameters, which win.
     */
    PolicyEvaluator forScope(String accountId, String region, Map<String, String> itemParameters) {
        Map<String, String> merged = new TreeMap<>(itemParameters);
        merged.putAll(parameters);
        String key = Objects.toString(accountId, "") + "/" + Objects.toString(region, "") + "/" + merged;
        return byScope.computeIfAbsent(key, k -> create(accountId, region, merged));
    }

    private PolicyEvaluator create(String accountId, String region, Map<String, String> ruleParameters) {
        EvaluationContext context = new EvaluationContext(accountId, region, null, null, evaluationTime);
        return PolicyEvaluator.create(bundle, ruleParameters, context, enrichment);
    }
}
