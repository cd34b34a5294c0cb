package dev.lambdashield.rego.ast;

import dev.lambdashield.rego.value.Value;

/** A constant null, boolean, number or string. */
public record Scalar(Value value, Location location) implements Term {

    @Override
    public String toString() {
        return value.toString();
    }
}
