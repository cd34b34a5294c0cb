package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.ArrayComprehension;
import dev.lambdashield.rego.ast.ArrayTerm;
import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Every;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Head;
import dev.lambdashield.rego.ast.ObjectComprehension;
import dev.lambdashield.rego.ast.ObjectTerm;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.SetComprehension;
import dev.lambdashield.rego.ast.SomeDecl;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.ast.Var;
import dev.lambdashield.rego.ast.With;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The safety check: every variable must be bound by some expression before it is used. Like OPA,
 * the check reorders the expressions of a body so that each one runs after those that bind its
 * inputs, keeping the written order where possible; variables that no order can bind are
 * reported as {@code rego_unsafe_var_error}.
 */
final class Safety {

    private final List<RegoError> errors;
    private final ToIntFunction<Call> arityOf;

    /** @param arityOf returns the declared arity of a call's function, or -1 when it is unknown */
    Safety(List<RegoError> errors, ToIntFunction<Call> arityOf) {
        this.errors = errors;
        this.arityOf = arityOf;
    }

    Rule checkRule(Rule rule) {
        Head head = rule.head();
        Set<Var> safe = new HashSet<>();
        if (head.args() != null) {
            for (Term arg : head.args()) {
                safe.addAll(Terms.vars(arg));
            }
        }
        Set<Var> outer = new HashSet<>(safe);
        for (Term t : headTerms(head)) {
            outer.addAll(shallowVars(t));
        }
        Body body = reorder(rule.body(), safe, outer);
        List<Term> refTerms = new ArrayList<>();
        refTerms.add(head.ref().head());
        for (int i = 1; i < head.ref().size(); i++) {
            refTerms.add(checkHeadTerm(head.ref().get(i), safe, outer));
        }
        Term key = head.key() == null ? null : checkHeadTerm(head.key(), safe, outer);
        Term value = head.value() == null ? null : checkHeadTerm(head.value(), safe, outer);
        Head checkedHead = head.withParts(new dev.lambdashield.rego.ast.Ref(refTerms, head.ref().location()),
                head.args(), key, value);
        Rule elseRule = rule.elseRule() == null ? null : checkRule(rule.elseRule());
        return rule.withHeadAndBody(checkedHead, body, elseRule);
    }

    private static List<Term> headTerms(Head head) {
        List<Term> terms = new ArrayList<>(head.ref().terms().subList(1, head.ref().size()));
        if (head.key() != null) {
            terms.add(head.key());
        }
        if (head.value() != null) {
            terms.add(head.value());
        }
        return terms;
    }

    /**
     * Checks a head term after the body: its inputs must be bound, while variables that its
     * references iterate are bound by evaluating it. Comprehensions in it are checked too.
     */
    private Term checkHeadTerm(Term term, Set<Var> safe, Set<Var> outer) {
        VarUse use = VarUse.ofValue(term, outer);
        for (Var v : use.inputs) {
            if (!safe.contains(v) && !use.refOutputs.contains(v)) {
                unsafe(v);
            }
        }
        Set<Var> withOutputs = new HashSet<>(safe);
        withOutputs.addAll(use.refOutputs);
        Expr wrapped = new Expr(term, false, List.of(), term.location());
        return checkNested(wrapped, withOutputs, outer).term();
    }

    /** Reorders a query; {@code safe} receives the variables bound by it. */
    Body checkQuery(Body body, Set<Var> safe) {
        return reorder(body, safe, new HashSet<>());
    }

    /**
     * Reorders {@code body}, adding the variables it binds to {@code safe}. {@code outer} contains the
     * variables used around the body, which its comprehensions capture instead of binding.
     */
    private Body reorder(Body body, Set<Var> safe, Set<Var> outer) {
        Set<Var> scopeVars = new HashSet<>(outer);
        scopeVars.addAll(safe);
        for (Expr e : body.exprs()) {
            scopeVars.addAll(shallowVars(e));
        }
        List<Expr> remaining = new ArrayList<>(body.exprs());
        List<Expr> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int chosen = -1;
            for (int i = 0; i < remaining.size() && chosen < 0; i++) {
                if (isSchedulable(remaining.get(i), safe, scopeVars)) {
                    chosen = i;
                }
            }
            if (chosen < 0) {
                reportUnsafe(remaining, safe, scopeVars);
                ordered.addAll(remaining);
                break;
            }
            Expr e = remaining.remove(chosen);
            ordered.add(checkNested(e, safe, scopeVars));
            safe.addAll(analyze(e, safe, scopeVars).outputs);
            safe.addAll(analyze(e, safe, scopeVars).all);
        }
        return new Body(ordered);
    }

    private boolean isSchedulable(Expr e, Set<Var> safe, Set<Var> scopeVars) {
        ExprVars vars = analyze(e, safe, scopeVars);
        for (Var v : vars.all) {
            if (!safe.contains(v) && !vars.outputs.contains(v)) {
                return false;
            }
        }
        return true;
    }

    private void reportUnsafe(List<Expr> remaining, Set<Var> safe, Set<Var> scopeVars) {
        Set<Var> reported = new HashSet<>();
        for (Expr e : remaining) {
            ExprVars vars = analyze(e, safe, scopeVars);
            for (Var v : vars.all) {
                if (!safe.contains(v) && !vars.outputs.contains(v) && reported.add(v)) {
                    unsafe(v);
                }
            }
        }
    }

    private void unsafe(Var v) {
        String name = v.isWildcard() ? "_" : NameResolver.displayName(v.name());
        errors.add(new RegoError(ErrorCode.UNSAFE_VAR, "var " + name + " is unsafe", v.location()));
    }

    /** Variables of a term outside nested comprehensions and every bodies. */
    private static Set<Var> shallowVars(Term term) {
        Set<Var> vars = new LinkedHashSet<>();
        Terms.transform(term, t -> {
            if (t instanceof Var v) {
                vars.add(v);
            }
            return isNestedScope(t) ? t : null;
        });
        return vars;
    }

    /** Variables of an expression outside nested comprehensions and every bodies. */
    private static Set<Var> shallowVars(Expr e) {
        Set<Var> vars = shallowVars(e.term());
        for (With w : e.withs()) {
            vars.addAll(Terms.vars(w.value()));
        }
        return vars;
    }

    private static boolean isNestedScope(Term t) {
        return t instanceof ArrayComprehension || t instanceof SetComprehension || t instanceof ObjectComprehension
                || t instanceof Every;
    }

    /** Reorders the bodies nested in {@code e}, which run with the variables bound before it. */
    private Expr checkNested(Expr e, Set<Var> safe, Set<Var> scopeVars) {
        java.util.function.Function<Term, Term> rewrite = new java.util.function.Function<>() {
            @Override
            public Term apply(Term t) {
                if (t instanceof ArrayComprehension c) {
                    Set<Var> inner = new HashSet<>(safe);
                    Body body = reorder(c.body(), inner, scopeVars);
                    checkBound(Terms.vars(c.term()), inner);
                    return new ArrayComprehension(c.term(), body, c.location());
                }
                if (t instanceof SetComprehension c) {
                    Set<Var> inner = new HashSet<>(safe);
                    Body body = reorder(c.body(), inner, scopeVars);
                    checkBound(Terms.vars(c.term()), inner);
                    return new SetComprehension(c.term(), body, c.location());
                }
                if (t instanceof ObjectComprehension c) {
                    Set<Var> inner = new HashSet<>(safe);
                    Body body = reorder(c.body(), inner, scopeVars);
                    checkBound(Terms.vars(c.key()), inner);
                    checkBound(Terms.vars(c.value()), inner);
                    return new ObjectComprehension(c.key(), c.value(), body, c.location());
                }
                if (t instanceof Every ev) {
                    Set<Var> inner = new HashSet<>(safe);
                    if (ev.key() != null) {
                        inner.addAll(Terms.vars(ev.key()));
                    }
                    inner.addAll(Terms.vars(ev.value()));
                    Body body = reorder(ev.body(), inner, scopeVars);
                    return new Every(ev.key(), ev.value(), Terms.transform(ev.domain(), this), body, ev.location());
                }
                return null;
            }
        };
        return Terms.transformExpr(e, rewrite);
    }

    private void checkBound(Set<Var> vars, Set<Var> safe) {
        for (Var v : vars) {
            if (!safe.contains(v) && !VarUse.isGlobal(v)) {
                unsafe(v);
            }
        }
    }

    /** The variables an expression uses and those it binds when run after {@code safe}. */
    private static final class ExprVars {
        final Set<Var> all = new LinkedHashSet<>();
        final Set<Var> outputs = new LinkedHashSet<>();
    }

    private ExprVars analyze(Expr e, Set<Var> safe, Set<Var> scopeVars) {
        ExprVars result = new ExprVars();
        for (With w : e.withs()) {
            if (!namesFunction(w.value())) {
                result.all.addAll(VarUse.ofValue(w.value(), scopeVars).all());
            }
        }
        Term term = e.term();
        if (term instanceof SomeDecl some) {
            if (some.isMembership()) {
                analyzeMembership((Call) some.symbols().get(0), safe, scopeVars, result);
            }
        } else if (term instanceof Call call && (call.isOperator("eq") || call.isOperator("assign"))) {
            VarUse left = VarUse.ofPattern(call.args().get(0), scopeVars);
            VarUse right = VarUse.ofPattern(call.args().get(1), scopeVars);
            result.all.addAll(left.all());
            result.all.addAll(right.all());
            result.outputs.addAll(unifyOutputs(call.args().get(0), call.args().get(1), safe, scopeVars));
        } else if (term instanceof Call call) {
            analyzeCall(call, scopeVars, result);
        } else {
            VarUse use = VarUse.ofValue(term, scopeVars);
            result.all.addAll(use.all());
            result.outputs.addAll(use.refOutputs);
        }
        if (e.negated()) {
            result.outputs.clear();
            result.all.removeIf(Var::isWildcard);
        }
        return result;
    }

    /** Returns true for a {@code with} value that names a function to substitute, e.g. {@code count}. */
    private boolean namesFunction(Term value) {
        dev.lambdashield.rego.ast.Ref ref = value instanceof dev.lambdashield.rego.ast.Ref r ? r
                : value instanceof Var v ? new dev.lambdashield.rego.ast.Ref(List.of(v), v.location()) : null;
        if (ref == null || !(ref.head() instanceof Var) || !ref.isGroundPath() || ref.hasRoot("data")) {
            return false;
        }
        return arityOf.applyAsInt(new Call(ref, List.of(), value.location())) != -1;
    }

    private void analyzeCall(Call call, Set<Var> scopeVars, ExprVars result) {
        int arity = arityOf.applyAsInt(call);
        int valueArgs = arity >= 0 && call.args().size() == arity + 1 ? arity : call.args().size();
        for (int i = 0; i < call.args().size(); i++) {
            VarUse use = i < valueArgs ? VarUse.ofValue(call.args().get(i), scopeVars)
                    : VarUse.ofPattern(call.args().get(i), scopeVars);
            result.all.addAll(use.all());
            result.outputs.addAll(use.refOutputs);
            if (i >= valueArgs) {
                result.outputs.addAll(use.patterns);
            }
        }
    }

    private void analyzeMembership(Call member, Set<Var> safe, Set<Var> scopeVars, ExprVars result) {
        int last = member.args().size() - 1;
        VarUse domain = VarUse.ofValue(member.args().get(last), scopeVars);
        result.all.addAll(domain.all());
        result.outputs.addAll(domain.refOutputs);
        for (int i = 0; i < last; i++) {
            VarUse use = VarUse.ofPattern(member.args().get(i), scopeVars);
            result.all.addAll(use.all());
            result.outputs.addAll(use.patterns);
            result.outputs.addAll(use.refOutputs);
        }
    }

    /** Returns the variables that unifying {@code a} with {@code b} binds, given the safe ones. */
    private Set<Var> unifyOutputs(Term a, Term b, Set<Var> safe, Set<Var> scopeVars) {
        Set<Var> out = new LinkedHashSet<>();
        if (a instanceof ArrayTerm x && b instanceof ArrayTerm y && x.elements().size() == y.elements().size()) {
            Set<Var> known = new HashSet<>(safe);
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < x.elements().size(); i++) {
                    Set<Var> o = unifyOutputs(x.elements().get(i), y.elements().get(i), known, scopeVars);
                    out.addAll(o);
                    known.addAll(o);
                }
            }
            return out;
        }
        if (a instanceof ObjectTerm x && b instanceof ObjectTerm y && x.entries().size() == y.entries().size()) {
            Set<Var> known = new HashSet<>(safe);
            for (int round = 0; round < 2; round++) {
                for (ObjectTerm.Entry e : x.entries()) {
                    for (ObjectTerm.Entry f : y.entries()) {
                        if (e.key().toString().equals(f.key().toString())) {
                            Set<Var> o = unifyOutputs(e.value(), f.value(), known, scopeVars);
                            out.addAll(o);
                            known.addAll(o);
                        }
                    }
                }
            }
            return out;
        }
        VarUse left = VarUse.ofPattern(a, scopeVars);
        VarUse right = VarUse.ofPattern(b, scopeVars);
        out.addAll(left.refOutputs);
        out.addAll(right.refOutputs);
        for (int round = 0; round < 2; round++) {
            if (isKnown(left, safe, out)) {
                out.addAll(right.patterns);
            }
            if (isKnown(right, safe, out)) {
                out.addAll(left.patterns);
            }
        }
        return out;
    }

    private static boolean isKnown(VarUse use, Set<Var> safe, Set<Var> out) {
        for (Var v : use.patterns) {
            if (!safe.contains(v) && !out.contains(v)) {
                return false;
            }
        }
        for (Var v : use.inputs) {
            if (!safe.contains(v) && !out.contains(v)) {
                return false;
            }
        }
        return true;
    }
}
