package dev.lambdashield.rego.ast;

import java.util.List;

/**
 * A rule: a head, a body, an optional {@code else} chain, the {@code default} flag and the
 * {@code # METADATA} blocks written directly above it.
 */
public record Rule(Head head, Body body, Rule elseRule, boolean isDefault, List<Annotations> annotations,
                   Location location) {

    public Rule {
        annotations = List.copyOf(annotations);
    }

    public Rule withHeadAndBody(Head newHead, Body newBody, Rule newElse) {
        return new Rule(newHead, newBody, newElse, isDefault, annotations, location);
    }

    @Override
    public String toString() {
        return (isDefault ? "default " : "") + head + " { " + body + " }" + (elseRule == null ? "" : " else ...");
    }
}
