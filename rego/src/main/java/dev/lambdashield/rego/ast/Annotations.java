package dev.lambdashield.rego.ast;

import dev.lambdashield.rego.value.ObjectValue;

/**
 * One {@code # METADATA} block: its scope ({@code package}, {@code subpackages}, {@code rule},
 * {@code document}) and its YAML fields as a Rego object, which includes {@code scope}.
 */
public record Annotations(String scope, ObjectValue fields, Location location) {
}
