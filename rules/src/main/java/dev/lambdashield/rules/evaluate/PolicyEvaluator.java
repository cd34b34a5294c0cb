package dev.lambdashield.rules.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;
import dev.lambdashield.rules.event.ConfigurationItems;
import dev.lambdashield.rules.event.EventItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates configuration items against the selected policies of a bundle; needs no AWS access, so the CLI's
 * {@code scan} uses it as the Lambda does. One instance serves one rule invocation (one set of rule parameters);
 * it is safe to use from several threads.
 *
 * <pre>{@code
 * PolicyEvaluator evaluator = PolicyEvaluator.create(PolicyBundle.bundled(), Map.of("policies", "lambda-url-*"),
 *         context, null);
 * ResourceDecision decision = evaluator.evaluate(item, captureTime, Instant.now().plusSeconds(10));
 * }</pre>
 */
public final class PolicyEvaluator {

    private final PolicyBundle bundle;
    private final List<PolicyMetadata> selected;
    private final List<PolicyMetadata> runnable;
    private final List<PolicyMetadata> skipped;
    private final RuleParameters parameters;
    private final ObjectValue context;
    private final Enrichment enrichment;

    private PolicyEvaluator(PolicyBundle bundle, List<PolicyMetadata> selected, RuleParameters parameters,
                            EvaluationContext context, Enrichment enrichment) {
        this.bundle = bundle;
        this.selected = selected;
        this.parameters = parameters;
        this.context = context.toValue();
        this.enrichment = enrichment;
        this.runnable = new ArrayList<>();
        this.skipped = new ArrayList<>();
        for (PolicyMetadata policy : selected) {
            (policy.enrichment().isEmpty() || enrichment != null ? runnable : skipped).add(policy);
        }
    }

    /**
     * Selects policies by the {@code policies} rule parameter and types the parameters.
     *
     * @param ruleParameters the Config rule's parameters as strings (empty when none)
     * @param enrichment     the enrichment source, or {@code null} to skip policies that need enrichment
     * @throws InvalidParameterException when a parameter is invalid; nothing may be evaluated then
     */
    public static PolicyEvaluator create(PolicyBundle bundle, Map<String, String> ruleParameters,
                                         EvaluationContext context, Enrichment enrichment) {
        List<PolicyMetadata> selected = PolicySelection.select(bundle.policies(),
                ruleParameters.get(PolicySelection.PARAMETER));
        RuleParameters typed = RuleParameters.resolve(ruleParameters, selected);
        return new PolicyEvaluator(bundle, selected, typed, context, enrichment);
    }

    /** The policies the rule parameters select. */
    public List<PolicyMetadata> selected() {
        return selected;
    }

    /** Selected policies that are skipped because they need enrichment and none is available. */
    public List<PolicyMetadata> skipped() {
        return skipped;
    }

    public RuleParameters parameters() {
        return parameters;
    }

    /** The resource types the selected policies cover; a periodic run lists these. */
    public Set<String> resourceTypes() {
        Set<String> types = new TreeSet<>();
        selected.forEach(p -> types.addAll(p.resourceTypes()));
        return types;
    }

    /** Decides an item the event layer collected; items it already classed NOT_APPLICABLE run no policy. */
    public ResourceDecision evaluate(EventItem item, Instant deadline) {
        if (item.decided()) {
            return ResourceDecision.notApplicable(item.item(), item.resourceType(), item.resourceId(), item.arn(),
                    item.orderingTimestamp(), item.notApplicableReason());
        }
        return decide(item.item(), item.orderingTimestamp(), deadline);
    }

    /**
     * Decides one configuration item in notification form (JSON-string members are parsed here).
     *
     * @param deadline the policies' evaluation deadline; a policy still running then fails with
     *                 {@code eval_cancel_error}
     */
    public ResourceDecision evaluate(JsonNode item, Instant orderingTimestamp, Instant deadline) {
        return decide(ConfigurationItems.normalize(item), orderingTimestamp, deadline);
    }

    private ResourceDecision decide(JsonNode item, Instant ordering, Instant deadline) {
        String type = ConfigurationItems.resourceType(item);
        String id = ConfigurationItems.resourceId(item);
        String arn = ConfigurationItems.arn(item);
        List<PolicyMetadata> covering = covering(type, runnable);
        if (covering.isEmpty()) {
            String reason = covering(type, selected).isEmpty() ? "no selected policy covers " + type
                    : "every policy covering " + type + " needs enrichment, which is off";
            return ResourceDecision.notApplicable(item, type, id, arn, ordering, reason);
        }
        Value resource = ValueJson.fromJsonNode(item);
        Value enriched = enrich(item, covering);
        List<PolicyResult> results = new ArrayList<>();
        for (PolicyMetadata policy : covering) {
            results.add(evaluatePolicy(policy, input(policy, resource, enriched), deadline));
        }
        return new ResourceDecision(item, type, id, arn, compliance(results), results, ordering,
                results.stream().anyMatch(PolicyResult::failed) ? "policy evaluation failed" : null);
    }

    private PolicyResult evaluatePolicy(PolicyMetadata policy, ObjectValue input, Instant deadline) {
        // Strict: a built-in error must fail the policy. In OPA's default mode it makes the rule body undefined,
        // so a failing deny would silently leave the function COMPLIANT.
        EvalOptions options = EvalOptions.builder().input(input).deadline(deadline).strictBuiltinErrors(true).build();
        try {
            List<Violation> denies = ViolationReader.read(
                    bundle.compiled().evaluate(policy.packagePath() + ".deny", options).orElse(null), "deny");
            List<Violation> warns = ViolationReader.read(
                    bundle.compiled().evaluate(policy.packagePath() + ".warn", options).orElse(null), "warn");
            return new PolicyResult(policy, denies, warns, null);
        } catch (RegoException e) {
            RegoError first = e.errors().get(0);
            Location at = first.location() != null && first.location().isKnown() ? first.location()
                    : policy.location();
            return PolicyResult.failed(policy, new PolicyError(first.code().code(), first.message(), at));
        } catch (IllegalArgumentException e) {
            return PolicyResult.failed(policy, new PolicyError("invalid_policy_output", e.getMessage(),
                    policy.location()));
        } catch (RuntimeException | StackOverflowError e) {
            // An engine fault must still fail this resource rather than pass it.
            return PolicyResult.failed(policy, new PolicyError("eval_internal_error",
                    e.getClass().getSimpleName() + ": " + e.getMessage(), policy.location()));
        }
    }

    private ObjectValue input(PolicyMetadata policy, Value resource, Value enriched) {
        ObjectValue.Builder input = ObjectValue.builder()
                .put("resource", resource)
                .put("parameters", parameters.forPolicy(policy.id()))
                .put("context", context);
        if (enriched != null) {
            input.put("enrichment", enriched);
        }
        return input.build();
    }

    private Value enrich(JsonNode item, List<PolicyMetadata> covering) {
        if (enrichment == null) {
            return null;
        }
        Set<String> sources = new LinkedHashSet<>();
        covering.forEach(p -> sources.addAll(p.enrichment()));
        return sources.isEmpty() ? null : ValueJson.fromJsonNode(enrichment.fetch(item, sources));
    }

    private static List<PolicyMetadata> covering(String type, List<PolicyMetadata> policies) {
        List<PolicyMetadata> result = new ArrayList<>();
        for (PolicyMetadata policy : policies) {
            if (policy.covers(type)) {
                result.add(policy);
            }
        }
        return result;
    }

    private static Compliance compliance(List<PolicyResult> results) {
        if (results.stream().anyMatch(PolicyResult::failed)) {
            return Compliance.NOT_EVALUATED;
        }
        return results.stream().anyMatch(PolicyResult::denied) ? Compliance.NON_COMPLIANT : Compliance.COMPLIANT;
    }
}
