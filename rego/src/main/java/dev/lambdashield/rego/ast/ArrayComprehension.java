package dev.lambdashield.rego.ast;

/** {@code [term | body]}. */
public record ArrayComprehension(Term term, Body body, Location location) implements Term {

    @Override
    public String toString() {
        return "[" + term + " | " + body + "]";
    }
}
