package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.value.Value;

import java.util.Optional;

/**
 * One parameter a policy declares in {@code custom.parameters}.
 *
 * @param name         the parameter name as given in the Config rule's parameters
 * @param type         the declared type
 * @param defaultValue the typed default, or {@code null} when the parameter has none (then it is required)
 * @param description  free text for the docs
 */
public record ParameterSpec(String name, ParameterType type, Value defaultValue, String description) {

    /** The default, if the policy declares one. */
    public Optional<Value> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
