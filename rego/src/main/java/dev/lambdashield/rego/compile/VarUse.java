package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.ArrayComprehension;
import dev.lambdashield.rego.ast.ArrayTerm;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Every;
import dev.lambdashield.rego.ast.ObjectComprehension;
import dev.lambdashield.rego.ast.ObjectTerm;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.SetComprehension;
import dev.lambdashield.rego.ast.SetTerm;
import dev.lambdashield.rego.ast.SomeDecl;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.ast.Var;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The uses of a term's variables: {@code inputs} must be bound before it is evaluated,
 * {@code patterns} are bound by unifying the term with a value, and {@code refOutputs} are bound
 * by iterating references ({@code x} in {@code data.a[x]}). Variables of comprehensions count only
 * where they are also used outside, because the others are local to the comprehension.
 */
final class VarUse {

    final Set<Var> inputs = new LinkedHashSet<>();
    final Set<Var> patterns = new LinkedHashSet<>();
    final Set<Var> refOutputs = new LinkedHashSet<>();
    private final Set<Var> outer;

    private VarUse(Set<Var> outer) {
        this.outer = outer;
    }

    private enum Mode { INPUT, PATTERN, REF_OPERAND }

    static VarUse ofPattern(Term term, Set<Var> outer) {
        VarUse use = new VarUse(outer);
        use.collect(term, Mode.PATTERN);
        return use;
    }

    static VarUse ofValue(Term term, Set<Var> outer) {
        VarUse use = new VarUse(outer);
        use.collect(term, Mode.INPUT);
        return use;
    }

    static boolean isGlobal(Var v) {
        return v.name().equals("input") || v.name().equals("data");
    }

    Set<Var> all() {
        Set<Var> all = new LinkedHashSet<>(inputs);
        all.addAll(patterns);
        all.addAll(refOutputs);
        return all;
    }

    void addAll(VarUse other) {
        inputs.addAll(other.inputs);
        patterns.addAll(other.patterns);
        refOutputs.addAll(other.refOutputs);
    }

    private void collect(Term term, Mode mode) {
        if (term instanceof Var v) {
            if (isGlobal(v)) {
                return;
            }
            switch (mode) {
                case INPUT -> inputs.add(v);
                case PATTERN -> patterns.add(v);
                default -> refOutputs.add(v);
            }
        } else if (term instanceof Ref r) {
            collect(r.head(), Mode.INPUT);
            for (int i = 1; i < r.size(); i++) {
                collect(r.get(i), Mode.REF_OPERAND);
            }
        } else if (term instanceof ArrayTerm a) {
            a.elements().forEach(e -> collect(e, mode));
        } else if (term instanceof SetTerm s) {
            s.elements().forEach(e -> collect(e, mode == Mode.PATTERN ? Mode.INPUT : mode));
        } else if (term instanceof ObjectTerm o) {
            for (ObjectTerm.Entry e : o.entries()) {
                collect(e.key(), mode == Mode.PATTERN ? Mode.INPUT : mode);
                collect(e.value(), mode);
            }
        } else if (term instanceof Call c) {
            c.args().forEach(a -> collect(a, Mode.INPUT));
        } else if (term instanceof ArrayComprehension || term instanceof SetComprehension
                || term instanceof ObjectComprehension) {
            closure(term);
        } else if (term instanceof Every e) {
            collect(e.domain(), Mode.INPUT);
            closure(new ArrayComprehension(e.value(), e.body(), e.location()));
            if (e.key() != null) {
                closure(e.key());
            }
        } else if (term instanceof SomeDecl) {
            return;
        }
    }

    private void closure(Term term) {
        for (Var v : Terms.vars(term)) {
            if (!isGlobal(v) && outer.contains(v)) {
                inputs.add(v);
            }
        }
    }
}
