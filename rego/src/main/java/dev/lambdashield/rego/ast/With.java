package dev.lambdashield.rego.ast;

/** {@code with target as value}: target is a reference into input, data, or a function. */
public record With(Ref target, Term value, Location location) {
}
