package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Head;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.compile.CompiledRule;
import dev.lambdashield.rego.compile.RuleSet;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the object defined by rules whose references have operands after their constant
 * prefix, such as {@code p[x] := y} or {@code a.b[k].c contains v}: each solution adds a value
 * at the path its operands evaluate to.
 */
final class ObjectRuleBuilder {

    private final Evaluation ev;
    private final Map<Value, Object> root = new TreeMap<>();

    ObjectRuleBuilder(Evaluation ev) {
        this.ev = ev;
    }

    Value build(RuleSet set) {
        for (CompiledRule r : set.rules()) {
            Rule rule = r.rule();
            Bindings b = new Bindings();
            boolean multi = rule.head().kind() == Head.Kind.MULTI_VALUE;
            List<Term> suffix = r.suffix();
            ev.withRule(r, () -> ev.exprs().evalBody(rule.body(), b, () -> evalKeys(suffix, 0, new Value[suffix.size()], b,
                    keys -> ev.terms().eval(multi ? rule.head().key() : rule.head().value(), b, v -> {
                        ev.coverHead(rule);
                        insert(keys, v, multi, r);
                        return false;
                    }))));
        }
        return toValue(root);
    }

    private interface KeysCont {
        boolean accept(Value[] keys);
    }

    private boolean evalKeys(List<Term> suffix, int index, Value[] keys, Bindings b, KeysCont k) {
        if (index == suffix.size()) {
            return k.accept(keys.clone());
        }
        return ev.terms().eval(suffix.get(index), b, key -> {
            keys[index] = key;
            return evalKeys(suffix, index + 1, keys, b, k);
        });
    }

    @SuppressWarnings("unchecked")
    private void insert(Value[] keys, Value value, boolean multi, CompiledRule rule) {
        Map<Value, Object> level = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = level.get(keys[i]);
            if (next == null) {
                next = new TreeMap<Value, Object>();
                level.put(keys[i], next);
            } else if (!(next instanceof Map)) {
                throw conflict(rule);
            }
            level = (Map<Value, Object>) next;
        }
        Value last = keys[keys.length - 1];
        Object existing = level.get(last);
        if (multi) {
            if (existing == null) {
                existing = SetValue.builder();
                level.put(last, existing);
            } else if (!(existing instanceof SetValue.Builder)) {
                throw conflict(rule);
            }
            ((SetValue.Builder) existing).add(value);
            return;
        }
        if (existing == null) {
            level.put(last, value);
        } else if (!(existing instanceof Value) || !existing.equals(value)) {
            throw conflict(rule);
        }
    }

    private static RegoException conflict(CompiledRule rule) {
        return new RegoException(ErrorCode.EVAL_CONFLICT, "object keys must be unique", rule.rule().location());
    }

    @SuppressWarnings("unchecked")
    private static Value toValue(Object node) {
        if (node instanceof Value v) {
            return v;
        }
        if (node instanceof SetValue.Builder set) {
            return set.build();
        }
        ObjectValue.Builder object = ObjectValue.builder();
        for (Map.Entry<Value, Object> e : ((Map<Value, Object>) node).entrySet()) {
            object.put(e.getKey(), toValue(e.getValue()));
        }
        return object.build();
    }
}
