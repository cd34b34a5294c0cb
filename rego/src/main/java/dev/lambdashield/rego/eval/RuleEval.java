package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Head;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.compile.CompiledRule;
import dev.lambdashield.rego.compile.RuleIndexEntry;
import dev.lambdashield.rego.compile.RuleSet;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;

/**
 * Evaluation of rules: complete rules (with {@code else} and {@code default}), multi-value rules,
 * rules whose references add object keys, and functions. Conflicting values are
 * {@code eval_conflict_error}.
 */
final class RuleEval {

    private final Evaluation ev;

    RuleEval(Evaluation ev) {
        this.ev = ev;
    }

    /** Returns the value that a (non-function) rule set defines, or null when it is undefined. */
    Value evalRuleSet(RuleSet set) {
        CompiledRule first = set.rules().isEmpty() ? set.defaultRule() : set.rules().get(0);
        ev.limits().enter(first.rule().location());
        try {
            if (set.hasSuffix()) {
                return new ObjectRuleBuilder(ev).build(set);
            }
            if (set.kind() == Head.Kind.MULTI_VALUE) {
                return evalMultiValue(set);
            }
            return evalComplete(set);
        } finally {
            ev.limits().leave();
        }
    }

    private Value evalComplete(RuleSet set) {
        Value[] result = {null};
        for (CompiledRule r : set.rules()) {
            if (!indexAdmits(r)) {
                continue;
            }
            evalChain(r, null, value -> {
                if (result[0] == null) {
                    result[0] = value;
                } else if (!result[0].equals(value)) {
                    throw conflict(r, set.pathText(), false);
                }
                return false;
            });
        }
        if (result[0] == null && set.defaultRule() != null) {
            return defaultValue(set.defaultRule());
        }
        return result[0];
    }

    Value defaultValue(CompiledRule rule) {
        Value[] result = {null};
        ev.withRule(rule, () -> ev.terms().eval(rule.rule().head().value(), new Bindings(), v -> {
            ev.coverHead(rule.rule());
            result[0] = v;
            return true;
        }));
        return result[0];
    }

    private Value evalMultiValue(RuleSet set) {
        SetValue.Builder values = SetValue.builder();
        for (CompiledRule r : set.rules()) {
            if (!indexAdmits(r)) {
                continue;
            }
            Bindings b = new Bindings();
            Rule rule = r.rule();
            ev.withRule(r, () -> ev.exprs().evalBody(rule.body(), b, () -> ev.terms().eval(rule.head().key(), b, v -> {
                ev.coverHead(rule);
                values.add(v);
                return false;
            })));
        }
        return values.build();
    }

    /**
     * Evaluates a rule and its {@code else} chain: the first rule of the chain whose body
     * succeeds gives the values. {@code args} binds a function's arguments first.
     */
    void evalChain(CompiledRule compiled, List<Value> args, ValueCont k) {
        ev.withRule(compiled, () -> {
            for (Rule rule = compiled.rule(); rule != null; rule = rule.elseRule()) {
                Rule current = rule;
                Bindings b = new Bindings();
                boolean[] found = {false};
                Cont body = () -> ev.exprs().evalBody(current.body(), b,
                        () -> ev.terms().eval(current.head().value(), b, v -> {
                            ev.coverHead(current);
                            found[0] = true;
                            return k.accept(v);
                        }));
                if (args == null) {
                    body.run();
                } else {
                    bindArgs(current.head().args(), args, 0, b, body);
                }
                if (found[0]) {
                    return true;
                }
            }
            return false;
        });
    }

    private boolean bindArgs(List<Term> params, List<Value> args, int index, Bindings b, Cont k) {
        if (index == params.size()) {
            return k.run();
        }
        return ev.terms().unifyValue(params.get(index), args.get(index), b,
                () -> bindArgs(params, args, index + 1, b, k));
    }

    /** Calls a user function; returns its value or null when it is undefined. */
    Value callFunction(RuleSet set, List<Value> args) {
        CompiledRule first = set.rules().isEmpty() ? set.defaultRule() : set.rules().get(0);
        ev.limits().enter(first.rule().location());
        try {
            Value[] result = {null};
            for (CompiledRule r : set.rules()) {
                evalChain(r, args, value -> {
                    if (result[0] == null) {
                        result[0] = value;
                    } else if (!result[0].equals(value)) {
                        throw conflict(r, set.pathText(), true);
                    }
                    return false;
                });
            }
            if (result[0] == null && set.defaultRule() != null) {
                return defaultValue(set.defaultRule());
            }
            return result[0];
        } finally {
            ev.limits().leave();
        }
    }

    /** Returns false when the rule's index entry shows that its body cannot succeed for this input. */
    private boolean indexAdmits(CompiledRule rule) {
        RuleIndexEntry entry = rule.index();
        if (entry == null) {
            return true;
        }
        Value value = ev.frame().input();
        for (Value key : entry.inputPath()) {
            if (value == null) {
                return false;
            }
            value = TermEval.select(value, key);
        }
        return value != null && value.equals(entry.expected());
    }

    /** Builds the conflict error, with the wording of both OPA 0.x and OPA 1.x so that tools matching either work. */
    static RegoException conflict(CompiledRule rule, String path, boolean function) {
        String message = function
                ? "functions must not produce multiple outputs for same inputs: function " + path
                + " produced conflicting values for the same inputs"
                : "complete rules must not produce multiple outputs: rule " + path + " produced conflicting values";
        return new RegoException(ErrorCode.EVAL_CONFLICT, message, rule.rule().location());
    }
}
