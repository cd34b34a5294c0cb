package dev.lambdashield.rego.ast;

import dev.lambdashield.rego.value.StringValue;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference such as {@code data.a.b[x]}: a head term followed by operands. A {@code .name}
 * operand is stored as a string scalar.
 */
public record Ref(List<Term> terms, Location location) implements Term {

    public Ref {
        terms = List.copyOf(terms);
    }

    public Term head() {
        return terms.get(0);
    }

    public int size() {
        return terms.size();
    }

    public Term get(int index) {
        return terms.get(index);
    }

    /** Returns true when the head is the variable {@code name}. */
    public boolean hasRoot(String name) {
        return terms.get(0) instanceof Var v && v.name().equals(name);
    }

    /** Returns the reference extended by {@code operands}. */
    public Ref concat(List<Term> operands) {
        List<Term> all = new ArrayList<>(terms);
        all.addAll(operands);
        return new Ref(all, location);
    }

    /** Returns the first {@code n} terms as a reference. */
    public Ref prefix(int n) {
        return new Ref(terms.subList(0, n), location);
    }

    /** Returns true when every operand after the head is a constant. */
    public boolean isGroundPath() {
        for (int i = 1; i < terms.size(); i++) {
            if (!(terms.get(i) instanceof Scalar)) {
                return false;
            }
        }
        return true;
    }

    /** Formats as Rego source, using dots for string operands that are identifiers. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(terms.get(0).toString());
        for (int i = 1; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (t instanceof Scalar s && s.value() instanceof StringValue str && isIdentifier(str.value())) {
                out.append('.').append(str.value());
            } else {
                out.append('[').append(t).append(']');
            }
        }
        return out.toString();
    }

    static boolean isIdentifier(String text) {
        if (text.isEmpty() || !(Character.isLetter(text.charAt(0)) || text.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
