package dev.lambdashield.rego.ast;

import java.util.List;
import java.util.stream.Collectors;

/** A set literal; {@code set()} is the empty set. */
public record SetTerm(List<Term> elements, Location location) implements Term {

    public SetTerm {
        elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
        if (elements.isEmpty()) {
            return "set()";
        }
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "{", "}"));
    }
}
