package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.compile.RuleSet;
import dev.lambdashield.rego.compile.RuleTree;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * References into {@code data}, which merges the base document with the virtual documents that
 * rules define. The walk follows constant names through the rule tree. Where it meets rules or an
 * operand that iterates, it computes the document at that path and continues on the value.
 */
final class DataRefs {

    private final Evaluation ev;

    DataRefs(Evaluation ev) {
        this.ev = ev;
    }

    boolean evalData(Ref ref, Bindings b, ValueCont k) {
        return descend(ev.program().ruleTree().root(), new ArrayList<>(), ref, 1, b, k);
    }

    private boolean descend(RuleTree.Node node, List<String> path, Ref ref, int index, Bindings b, ValueCont k) {
        WithFrame.DataOverride override = exactOverride(path);
        if (override != null) {
            return ev.terms().walk(override.value(), ref, index, b, k);
        }
        if (node == null) {
            Value base = baseDocument(path);
            return base != null && ev.terms().walk(base, ref, index, b, k);
        }
        RuleSet rules = node.rules();
        if (rules != null && !isDocument(rules)) {
            return false;
        }
        if (rules != null || index == ref.size()) {
            Value doc = document(node);
            return doc != null && ev.terms().walk(doc, ref, index, b, k);
        }
        Term operand = ref.get(index);
        if (TermEval.isPattern(operand, b)) {
            Value doc = document(node);
            return doc != null && ev.terms().walk(doc, ref, index, b, k);
        }
        return ev.terms().eval(operand, b, key -> {
            if (key instanceof StringValue s) {
                List<String> next = new ArrayList<>(path);
                next.add(s.value());
                return descend(node.child(s.value()), next, ref, index + 1, b, k);
            }
            Value base = baseDocument(path);
            Value child = base == null ? null : TermEval.select(base, key);
            return child != null && ev.terms().walk(child, ref, index + 1, b, k);
        });
    }

    private WithFrame.DataOverride exactOverride(List<String> path) {
        for (WithFrame.DataOverride o : ev.frame().overrides()) {
            if (o.path().equals(path)) {
                return o;
            }
        }
        return null;
    }

    /** Returns the base document at {@code path} with the replacements below it, or null. */
    private Value baseDocument(List<String> path) {
        Value value = ev.baseData();
        for (String name : path) {
            value = value instanceof ObjectValue o ? o.get(name) : null;
            if (value == null) {
                break;
            }
        }
        return applyOverrides(value, path);
    }

    /** Returns the merged document at a node of the rule tree, or null when it is undefined. */
    Value document(RuleTree.Node node) {
        Map<RuleTree.Node, Optional<Value>> cache = ev.frame().documentCache;
        Optional<Value> cached = cache.get(node);
        if (cached != null) {
            return cached.orElse(null);
        }
        Value value = computeDocument(node);
        cache.put(node, Optional.ofNullable(value));
        return value;
    }

    private Value computeDocument(RuleTree.Node node) {
        WithFrame.DataOverride override = exactOverride(node.path());
        if (override != null) {
            return override.value();
        }
        Value virtual = null;
        RuleSet rules = node.rules();
        if (rules != null && isDocument(rules)) {
            virtual = rules.isFunction() ? ev.rules().callFunction(rules, List.of()) : ev.rules().evalRuleSet(rules);
        }
        if (!node.children().isEmpty() || rules == null) {
            ObjectValue.Builder object = ObjectValue.builder();
            if (virtual instanceof ObjectValue o) {
                o.entries().forEach(object::put);
            }
            for (Map.Entry<String, RuleTree.Node> child : node.children().entrySet()) {
                Value childDoc = document(child.getValue());
                if (childDoc != null) {
                    object.put(StringValue.of(child.getKey()), childDoc);
                }
            }
            if (virtual == null || virtual instanceof ObjectValue) {
                virtual = object.build();
            }
        }
        Value base = baseDocument(node.path());
        if (virtual == null) {
            return rules != null && isDocument(rules) ? applyOverrides(null, node.path()) : base;
        }
        return applyOverrides(merge(base, virtual), node.path());
    }

    /** Returns true for rules that define a document: all but functions with arguments. */
    private static boolean isDocument(RuleSet rules) {
        return !rules.isFunction() || rules.arity() == 0;
    }

    /** Merges a virtual document over a base document; objects merge key by key. */
    static Value merge(Value base, Value virtual) {
        if (base instanceof ObjectValue b && virtual instanceof ObjectValue v) {
            ObjectValue.Builder out = ObjectValue.builder();
            b.entries().forEach(out::put);
            for (Map.Entry<Value, Value> e : v.entries().entrySet()) {
                Value existing = out.get(e.getKey());
                out.put(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue()));
            }
            return out.build();
        }
        return virtual != null ? virtual : base;
    }

    /** Applies the {@code with data...} replacements that lie strictly below {@code path}. */
    private Value applyOverrides(Value value, List<String> path) {
        Value result = value;
        for (WithFrame.DataOverride o : ev.frame().overrides()) {
            if (o.path().size() > path.size() && WithFrame.startsWith(o.path(), path)) {
                result = Values.setPath(result == null ? ObjectValue.EMPTY : result,
                        o.path().subList(path.size(), o.path().size()), o.value());
            }
        }
        return result;
    }
}
