package dev.lambdashield.rego.ast;

import java.util.List;

/** One expression of a body: a term (often a call), possibly negated, with {@code with} modifiers. */
public record Expr(Term term, boolean negated, List<With> withs, Location location) {

    public Expr {
        withs = List.copyOf(withs);
    }

    public Expr withTerm(Term replacement) {
        return new Expr(replacement, negated, withs, location);
    }

    /** Returns the call when this expression is a call of the operator {@code name}. */
    public Call callOf(String name) {
        return term instanceof Call c && c.isOperator(name) ? c : null;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(negated ? "not " : "").append(term);
        for (With w : withs) {
            out.append(" with ").append(w.target()).append(" as ").append(w.value());
        }
        return out.toString();
    }
}
