package dev.lambdashield.rego.ast;

import java.util.List;
import java.util.stream.Collectors;

/** An array literal whose elements may be any terms. */
public record ArrayTerm(List<Term> elements, Location location) implements Term {

    public ArrayTerm {
        elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
