package dev.lambdashield.rego.ast;

/** {@code every key, value in domain { body }}; key is null for the one-variable form. */
public record Every(Term key, Term value, Term domain, Body body, Location location) implements Term {

    @Override
    public String toString() {
        return "every " + (key == null ? "" : key + ", ") + value + " in " + domain + " { " + body + " }";
    }
}
