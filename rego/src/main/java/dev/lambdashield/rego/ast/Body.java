package dev.lambdashield.rego.ast;

import java.util.List;
import java.util.stream.Collectors;

/** A conjunction of expressions. */
public record Body(List<Expr> exprs) {

    public Body {
        exprs = List.copyOf(exprs);
    }

    public boolean isEmpty() {
        return exprs.isEmpty();
    }

    @Override
    public String toString() {
        return exprs.stream().map(Object::toString).collect(Collectors.joining("; "));
    }
}
