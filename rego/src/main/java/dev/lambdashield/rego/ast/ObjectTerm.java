package dev.lambdashield.rego.ast;

import java.util.List;
import java.util.stream.Collectors;

/** An object literal; keys and values may be any terms. */
public record ObjectTerm(List<Entry> entries, Location location) implements Term {

    /** One {@code key: value} pair. */
    public record Entry(Term key, Term value) {
    }

    public ObjectTerm {
        entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
        return entries.stream().map(e -> e.key() + ": " + e.value()).collect(Collectors.joining(", ", "{", "}"));
    }
}
