package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.Value;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Types a Config rule's parameters for each selected policy: the rule's values (strings, as Config passes them)
 * merged over the policy's declared defaults and converted to the declared types. A blank value counts as not
 * given, because the Config console sends empty strings for parameters left empty.
 */
public final class RuleParameters {

    private final Map<String, ObjectValue> byPolicy;
    private final Set<String> unknown;

    private RuleParameters(Map<String, ObjectValue> byPolicy, Set<String> unknown) {
        this.byPolicy = byPolicy;
        this.unknown = unknown;
    }

    /**
     * Resolves the parameters of every selected policy.
     *
     * @throws InvalidParameterException for the first value that does not match its declared type, or a
     *                                   parameter without default that the rule does not set
     */
    public static RuleParameters resolve(Map<String, String> ruleParameters, List<PolicyMetadata> policies) {
        Map<String, ObjectValue> byPolicy = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        declared.add(PolicySelection.PARAMETER);
        for (PolicyMetadata policy : policies) {
            ObjectValue.Builder typed = ObjectValue.builder();
            for (ParameterSpec spec : policy.parameters().values()) {
                declared.add(spec.name());
                Value value = typedValue(spec, ruleParameters.get(spec.name()), policy);
                if (value != null) {
                    typed.put(spec.name(), value);
                }
            }
            byPolicy.put(policy.id(), typed.build());
        }
        Set<String> unknown = new TreeSet<>(ruleParameters.keySet());
        unknown.removeAll(declared);
        return new RuleParameters(byPolicy, unknown);
    }

    private static Value typedValue(ParameterSpec spec, String given, PolicyMetadata policy) {
        if (given == null || given.isBlank()) {
            if (spec.defaultValue() == null) {
                throw new InvalidParameterException(spec.name(), "is required by policy " + policy.id()
                        + " and has no default; set it to a " + spec.type().label() + " value");
            }
            return spec.defaultValue();
        }
        try {
            return ParameterValues.fromText(spec.type(), given);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(spec.name(), "has an invalid value for policy " + policy.id()
                    + ": " + e.getMessage() + " (declared type " + spec.type().label() + ")");
        }
    }

    /** The typed parameters of a policy ({@code input.parameters}); empty for a policy not resolved here. */
    public ObjectValue forPolicy(String policyId) {
        return byPolicy.getOrDefault(policyId, ObjectValue.EMPTY);
    }

    /** Rule parameters that no selected policy declares; they are ignored. */
    public Set<String> unknown() {
        return unknown;
    }

    /** For logs: the parameter names only, never their values. */
    @Override
    public String toString() {
        return "RuleParameters" + byPolicy.keySet();
    }
}
