package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.ArrayComprehension;
import dev.lambdashield.rego.ast.ArrayTerm;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.ObjectComprehension;
import dev.lambdashield.rego.ast.ObjectTerm;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.SetComprehension;
import dev.lambdashield.rego.ast.SetTerm;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Var;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluation of terms and unification. A term may have several values, because a reference
 * with variables iterates, so evaluation calls a continuation once per value and binds variables
 * along the way. Unification binds the variables of a pattern to the parts of a value.
 */
final class TermEval {

    private final Evaluation ev;

    TermEval(Evaluation ev) {
        this.ev = ev;
    }

    // ---- evaluating terms ----

    boolean eval(Term term, Bindings b, ValueCont k) {
        if (term instanceof Scalar s) {
            return k.accept(s.value());
        }
        if (term instanceof Var v) {
            return evalVar(v, b, k);
        }
        if (term instanceof Ref r) {
            return evalRef(r, b, k);
        }
        if (term instanceof Call c) {
            return ev.calls().evalCallValue(c, b, k);
        }
        if (term instanceof ArrayTerm a) {
            return evalList(a.elements(), 0, new Value[a.elements().size()], b,
                    values -> k.accept(ArrayValue.of(values)));
        }
        if (term instanceof SetTerm s) {
            return evalList(s.elements(), 0, new Value[s.elements().size()], b,
                    values -> k.accept(SetValue.of(values)));
        }
        if (term instanceof ObjectTerm o) {
            return evalObject(o, b, k);
        }
        if (term instanceof ArrayComprehension || term instanceof SetComprehension
                || term instanceof ObjectComprehension) {
            return k.accept(ev.comprehensions().evaluate(term, b));
        }
        throw internal("cannot evaluate " + term, term);
    }

    private boolean evalVar(Var v, Bindings b, ValueCont k) {
        Value bound = b.get(v.name());
        if (bound != null) {
            return k.accept(bound);
        }
        if (v.name().equals("input")) {
            Value input = ev.frame().input();
            return input != null && k.accept(input);
        }
        if (v.name().equals("data")) {
            return ev.data().evalData(new Ref(List.of(v), v.location()), b, k);
        }
        throw new RegoException(ErrorCode.UNSAFE_VAR, "var " + displayName(v) + " is unsafe", v.location());
    }

    static String displayName(Var v) {
        if (v.isWildcard()) {
            return "_";
        }
        int dollar = v.name().indexOf('$');
        return dollar > 0 ? v.name().substring(0, dollar) : v.name();
    }

    private boolean evalRef(Ref ref, Bindings b, ValueCont k) {
        Term head = ref.head();
        if (head instanceof Var v && v.name().equals("data") && !b.isBound("data")) {
            return ev.data().evalData(ref, b, k);
        }
        return eval(head, b, value -> walk(value, ref, 1, b, k));
    }

    /** Applies the operands of {@code ref} from {@code index} on to {@code value}. */
    boolean walk(Value value, Ref ref, int index, Bindings b, ValueCont k) {
        if (index == ref.size()) {
            return k.accept(value);
        }
        Term operand = ref.get(index);
        if (isPattern(operand, b)) {
            return iterate(value, (key, child) -> unifyValue(operand, key, b, () -> walk(child, ref, index + 1, b, k)));
        }
        return eval(operand, b, key -> {
            Value child = select(value, key);
            return child != null && walk(child, ref, index + 1, b, k);
        });
    }

    /** A visitor of the key and value of each element of a collection; returns true to stop. */
    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(Value key, Value value);
    }

    /** Visits array indexes and elements, object keys and values, or set elements twice over. */
    static boolean iterate(Value collection, EntryVisitor visitor) {
        if (collection instanceof ArrayValue a) {
            for (int i = 0; i < a.size(); i++) {
                if (visitor.visit(NumberValue.of(i), a.get(i))) {
                    return true;
                }
            }
        } else if (collection instanceof ObjectValue o) {
            for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
                if (visitor.visit(e.getKey(), e.getValue())) {
                    return true;
                }
            }
        } else if (collection instanceof SetValue s) {
            for (Value element : s.elements()) {
                if (visitor.visit(element, element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns the element of a collection under {@code key}, or null when there is none. */
    static Value select(Value collection, Value key) {
        if (collection instanceof ObjectValue o) {
            return o.get(key);
        }
        if (collection instanceof ArrayValue a) {
            if (key instanceof NumberValue n) {
                Integer i = n.intValue().orElse(null);
                return i != null && i >= 0 && i < a.size() ? a.get(i) : null;
            }
            return null;
        }
        if (collection instanceof SetValue s) {
            return s.contains(key) ? key : null;
        }
        return null;
    }

    private interface ValuesCont {
        boolean accept(List<Value> values);
    }

    private boolean evalList(List<Term> terms, int index, Value[] acc, Bindings b, ValuesCont k) {
        return evalInOrder(terms, evaluationOrder(terms, b), index, acc, b, k);
    }

    private boolean evalInOrder(List<Term> terms, int[] order, int position, Value[] acc, Bindings b, ValuesCont k) {
        if (position == order.length) {
            return k.accept(List.of(acc.clone()));
        }
        int index = order[position];
        return eval(terms.get(index), b, v -> {
            acc[index] = v;
            return evalInOrder(terms, order, position + 1, acc, b, k);
        });
    }

    /**
     * Orders sibling terms so that those reading unbound variables come after those that bind
     * them by iterating a reference, as in {@code [i, xs[i]]}; otherwise the written order.
     */
    static int[] evaluationOrder(List<Term> terms, Bindings b) {
        int[] order = new int[terms.size()];
        int next = 0;
        for (int i = 0; i < terms.size(); i++) {
            if (!readsUnbound(terms.get(i), b)) {
                order[next++] = i;
            }
        }
        for (int i = 0; i < terms.size(); i++) {
            if (readsUnbound(terms.get(i), b)) {
                order[next++] = i;
            }
        }
        return order;
    }

    private static boolean readsUnbound(Term term, Bindings b) {
        if (term instanceof Var v) {
            return !b.isBound(v.name()) && !v.name().equals("input") && !v.name().equals("data");
        }
        if (term instanceof Ref r) {
            return readsUnbound(r.head(), b);
        }
        if (term instanceof ArrayTerm a) {
            return a.elements().stream().anyMatch(e -> readsUnbound(e, b));
        }
        if (term instanceof SetTerm s) {
            return s.elements().stream().anyMatch(e -> readsUnbound(e, b));
        }
        if (term instanceof ObjectTerm o) {
            return o.entries().stream().anyMatch(e -> readsUnbound(e.key(), b) || readsUnbound(e.value(), b));
        }
        if (term instanceof Call c) {
            return c.args().stream().anyMatch(a -> readsUnbound(a, b));
        }
        return false;
    }

    private boolean evalObject(ObjectTerm o, Bindings b, ValueCont k) {
        List<Term> flat = new ArrayList<>();
        for (ObjectTerm.Entry e : o.entries()) {
            flat.add(e.key());
            flat.add(e.value());
        }
        return evalList(flat, 0, new Value[flat.size()], b, values -> {
            // A key written twice keeps its last value, as OPA's parser does for object literals.
            ObjectValue.Builder object = ObjectValue.builder();
            for (int i = 0; i < values.size(); i += 2) {
                object.put(values.get(i), values.get(i + 1));
            }
            return k.accept(object.build());
        });
    }

    // ---- unification ----

    /** Returns true when the term has an unbound variable where unification would bind it. */
    static boolean isPattern(Term term, Bindings b) {
        if (term instanceof Var v) {
            return !b.isBound(v.name()) && !v.name().equals("input") && !v.name().equals("data");
        }
        if (term instanceof ArrayTerm a) {
            for (Term e : a.elements()) {
                if (isPattern(e, b)) {
                    return true;
                }
            }
            return false;
        }
        if (term instanceof ObjectTerm o) {
            for (ObjectTerm.Entry e : o.entries()) {
                if (isPattern(e.value(), b)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean unify(Term left, Term right, Bindings b, Cont k) {
        boolean leftPattern = isPattern(left, b);
        boolean rightPattern = isPattern(right, b);
        if (leftPattern && rightPattern) {
            return unifyPatterns(left, right, b, k);
        }
        if (leftPattern) {
            return eval(right, b, v -> unifyValue(left, v, b, k));
        }
        if (rightPattern) {
            return eval(left, b, v -> unifyValue(right, v, b, k));
        }
        return eval(left, b, l -> eval(right, b, r -> l.equals(r) && k.run()));
    }

    private boolean unifyPatterns(Term left, Term right, Bindings b, Cont k) {
        if (left instanceof ArrayTerm x && right instanceof ArrayTerm y) {
            if (x.elements().size() != y.elements().size()) {
                return false;
            }
            return unifyPairs(x.elements(), y.elements(), 0, b, k);
        }
        if (left instanceof ObjectTerm x && right instanceof ObjectTerm y) {
            if (x.entries().size() != y.entries().size()) {
                return false;
            }
            List<Term> xs = new ArrayList<>();
            List<Term> ys = new ArrayList<>();
            for (ObjectTerm.Entry e : x.entries()) {
                Term other = findKey(y, e.key());
                if (other == null) {
                    return false;
                }
                xs.add(e.value());
                ys.add(other);
            }
            return unifyPairs(xs, ys, 0, b, k);
        }
        throw internal("cannot unify " + left + " with " + right + ": both contain unbound variables", left);
    }

    private static Term findKey(ObjectTerm object, Term key) {
        for (ObjectTerm.Entry e : object.entries()) {
            if (e.key().equals(key) || e.key() instanceof Scalar s && key instanceof Scalar t && s.value().equals(t.value())) {
                return e.value();
            }
        }
        return null;
    }

    private boolean unifyPairs(List<Term> xs, List<Term> ys, int index, Bindings b, Cont k) {
        if (index == xs.size()) {
            return k.run();
        }
        Term x = xs.get(index);
        Term y = ys.get(index);
        if (isPattern(x, b) && isPattern(y, b) && !(x instanceof ArrayTerm || x instanceof ObjectTerm)) {
            // Both unbound: try the later pairs first, which may bind one of them.
            for (int j = index + 1; j < xs.size(); j++) {
                if (!isPattern(xs.get(j), b) || !isPattern(ys.get(j), b)) {
                    List<Term> rx = new ArrayList<>(xs);
                    List<Term> ry = new ArrayList<>(ys);
                    rx.add(rx.remove(index));
                    ry.add(ry.remove(index));
                    return unifyPairs(rx, ry, index, b, k);
                }
            }
        }
        return unify(x, y, b, () -> unifyPairs(xs, ys, index + 1, b, k));
    }

    /** Unifies a term with a ground value, binding the term's unbound variables. */
    boolean unifyValue(Term pattern, Value value, Bindings b, Cont k) {
        if (pattern instanceof Var v) {
            if (v.name().equals("input") || v.name().equals("data")) {
                return eval(v, b, x -> x.equals(value) && k.run());
            }
            Value bound = b.get(v.name());
            if (bound != null) {
                return bound.equals(value) && k.run();
            }
            int mark = b.mark();
            b.bind(v.name(), value);
            boolean stop = k.run();
            b.undo(mark);
            return stop;
        }
        if (pattern instanceof ArrayTerm a && isPattern(a, b)) {
            if (!(value instanceof ArrayValue array) || array.size() != a.elements().size()) {
                return false;
            }
            return unifyElements(a.elements(), array.elements(), 0, b, k);
        }
        if (pattern instanceof ObjectTerm o && isPattern(o, b)) {
            return unifyObject(o, value, b, k);
        }
        return eval(pattern, b, v -> v.equals(value) && k.run());
    }

    private boolean unifyElements(List<Term> terms, List<Value> values, int index, Bindings b, Cont k) {
        if (index == terms.size()) {
            return k.run();
        }
        return unifyValue(terms.get(index), values.get(index), b,
                () -> unifyElements(terms, values, index + 1, b, k));
    }

    private boolean unifyObject(ObjectTerm o, Value value, Bindings b, Cont k) {
        if (!(value instanceof ObjectValue object) || object.size() != o.entries().size()) {
            return false;
        }
        return unifyEntries(o.entries(), 0, object, b, k);
    }

    private boolean unifyEntries(List<ObjectTerm.Entry> entries, int index, ObjectValue object, Bindings b, Cont k) {
        if (index == entries.size()) {
            return k.run();
        }
        ObjectTerm.Entry entry = entries.get(index);
        return eval(entry.key(), b, key -> {
            Value v = object.get(key);
            return v != null && unifyValue(entry.value(), v, b, () -> unifyEntries(entries, index + 1, object, b, k));
        });
    }

    static RegoException internal(String message, Term at) {
        return new RegoException(ErrorCode.EVAL_INTERNAL, message, at.location());
    }
}
