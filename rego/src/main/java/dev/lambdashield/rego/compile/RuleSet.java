package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Head;

import java.util.List;

/**
 * The rules that define one path of {@code data}, e.g. every definition of
 * {@code data.lambda_shield.tracing.deny}. They share one kind; at most one is a default.
 */
public record RuleSet(List<String> path, Head.Kind kind, List<CompiledRule> rules, CompiledRule defaultRule) {

    public RuleSet {
        path = List.copyOf(path);
        rules = List.copyOf(rules);
    }

    /** Returns the path in Rego form, e.g. {@code data.a.b}. */
    public String pathText() {
        return RuleTree.pathText(path);
    }

    /** Returns true when a rule adds keys below this path instead of defining its whole value. */
    public boolean hasSuffix() {
        for (CompiledRule r : rules) {
            if (!r.suffix().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Compares by identity: each path has one rule set, and hashing whole rule trees would be slow. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public boolean isFunction() {
        return kind == Head.Kind.FUNCTION;
    }

    /** Returns the function's arity, or -1 for other kinds. */
    public int arity() {
        if (!isFunction()) {
            return -1;
        }
        CompiledRule any = rules.isEmpty() ? defaultRule : rules.get(0);
        return any.rule().head().args().size();
    }
}
