package dev.lambdashield.rego.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A call of a built-in or a user function. Infix operators are calls too: {@code a + b} is
 * {@code plus(a, b)}, {@code a = b} is {@code eq(a, b)} and {@code a := b} is {@code assign(a, b)}.
 */
public record Call(Ref operator, List<Term> args, Location location) implements Term {

    public Call {
        args = List.copyOf(args);
    }

    /** Returns the operator's name as written, e.g. {@code count} or {@code data.lib.f}. */
    public String name() {
        return operator.toString();
    }

    public boolean isOperator(String name) {
        return operator.size() == 1 && operator.head() instanceof Var v && v.name().equals(name);
    }

    @Override
    public String toString() {
        return operator + args.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
