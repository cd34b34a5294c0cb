package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.ArrayComprehension;
import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Every;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Head;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.ast.ObjectComprehension;
import dev.lambdashield.rego.ast.Ref;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves names in rules and queries. Declared locals ({@code :=}, {@code some}, {@code every},
 * function arguments) are renamed to unique names of the form {@code name$N}, so that shadowing
 * in nested blocks needs no special case later; the remaining names that match a rule of the
 * package or an import become references into {@code data} or {@code input}.
 */
final class NameResolver {

    private final Ref packagePath;
    private final Set<String> ruleNames;
    private final Map<String, Ref> imports;
    private final List<RegoError> errors;
    private final AtomicInteger counter;

    NameResolver(Ref packagePath, Set<String> ruleNames, Map<String, Ref> imports, List<RegoError> errors,
                 AtomicInteger counter) {
        this.packagePath = packagePath;
        this.ruleNames = ruleNames;
        this.imports = imports;
        this.errors = errors;
        this.counter = counter;
    }

    /** Returns the display name of a variable: renamed locals lose their {@code $N} suffix. */
    static String displayName(String name) {
        int dollar = name.indexOf('$');
        return dollar > 0 ? name.substring(0, dollar) : name;
    }

    Rule resolveRule(Rule rule) {
        Scope scope = new Scope(null);
        Head head = rule.head();
        List<Term> args = null;
        if (head.args() != null) {
            args = new ArrayList<>();
            for (Term arg : head.args()) {
                declarePattern(arg, scope, false);
                args.add(resolveTerm(arg, scope));
            }
        }
        Body body = resolveBody(rule.body(), scope);
        List<Term> refTerms = new ArrayList<>();
        refTerms.add(head.ref().head());
        for (int i = 1; i < head.ref().size(); i++) {
            refTerms.add(resolveTerm(head.ref().get(i), scope));
        }
        Term key = head.key() == null ? null : resolveTerm(head.key(), scope);
        Term value = head.value() == null ? null : resolveTerm(head.value(), scope);
        Head resolvedHead = head.withParts(new Ref(refTerms, head.ref().location()), args, key, value);
        Rule elseRule = rule.elseRule() == null ? null : resolveRule(rule.elseRule());
        return rule.withHeadAndBody(resolvedHead, body, elseRule);
    }

    /** Resolves a query; {@code scope} receives its top-level declarations. */
    Body resolveQuery(Body body, Scope scope) {
        return resolveBody(body, scope);
    }

    private Body resolveBody(Body body, Scope scope) {
        List<Expr> exprs = new ArrayList<>();
        for (Expr expr : body.exprs()) {
            exprs.add(resolveExpr(expr, scope));
        }
        return new Body(exprs);
    }

    private Expr resolveExpr(Expr expr, Scope scope) {
        List<With> withs = new ArrayList<>();
        for (With w : expr.withs()) {
            withs.add(new With(resolveWithTarget(w.target()), resolveTerm(w.value(), scope), w.location()));
        }
        Term term = expr.term();
        Term resolved;
        if (term instanceof SomeDecl some) {
            resolved = resolveSome(some, scope);
        } else if (term instanceof Every every) {
            resolved = resolveEvery(every, scope);
        } else if (term instanceof Call call && call.isOperator("assign")) {
            resolved = resolveAssign(call, scope);
        } else {
            resolved = resolveTerm(term, scope);
        }
        return new Expr(resolved, expr.negated(), withs, expr.location());
    }

    private Term resolveAssign(Call call, Scope scope) {
        Term lhs = call.args().get(0);
        Term rhs = resolveTerm(call.args().get(1), scope);
        if (!isPattern(lhs)) {
            errors.add(new RegoError(ErrorCode.COMPILE, "cannot assign to " + describe(lhs), lhs.location()));
            return call;
        }
        declarePattern(lhs, scope, true);
        return new Call(call.operator(), List.of(resolveTerm(lhs, scope), rhs), call.location());
    }

    private static String describe(Term term) {
        if (term instanceof Ref) {
            return "ref";
        }
        if (term instanceof Call) {
            return "call";
        }
        return term.getClass().getSimpleName().replace("Term", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isPattern(Term term) {
        if (term instanceof Var) {
            return true;
        }
        if (term instanceof dev.lambdashield.rego.ast.ArrayTerm a) {
            return a.elements().stream().allMatch(NameResolver::isPatternElement);
        }
        if (term instanceof dev.lambdashield.rego.ast.ObjectTerm o) {
            return o.entries().stream().allMatch(e -> isPatternElement(e.value()));
        }
        return false;
    }

    private static boolean isPatternElement(Term term) {
        return isPattern(term) || term instanceof dev.lambdashield.rego.ast.Scalar;
    }

    private Term resolveSome(SomeDecl some, Scope scope) {
        if (!some.isMembership()) {
            List<Term> symbols = new ArrayList<>();
            for (Term symbol : some.symbols()) {
                declarePattern(symbol, scope, true);
                symbols.add(resolveTerm(symbol, scope));
            }
            return new SomeDecl(symbols, some.location());
        }
        Call member = (Call) some.symbols().get(0);
        int last = member.args().size() - 1;
        Term domain = resolveTerm(member.args().get(last), scope);
        List<Term> args = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            declarePattern(member.args().get(i), scope, false);
        }
        for (int i = 0; i < last; i++) {
            args.add(resolveTerm(member.args().get(i), scope));
        }
        args.add(domain);
        return new SomeDecl(List.of(new Call(member.operator(), args, member.location())), some.location());
    }

    private Term resolveEvery(Every every, Scope scope) {
        Term domain = resolveTerm(every.domain(), scope);
        Scope inner = new Scope(scope);
        if (every.key() != null) {
            declarePattern(every.key(), inner, false);
        }
        declarePattern(every.value(), inner, false);
        Term key = every.key() == null ? null : resolveTerm(every.key(), inner);
        Term value = resolveTerm(every.value(), inner);
        Body body = resolveBody(every.body(), inner);
        return new Every(key, value, domain, body, every.location());
    }

    /** Declares the variables of a pattern in {@code scope}; a repeated {@code :=} is an error. */
    private void declarePattern(Term pattern, Scope scope, boolean strict) {
        for (Var v : Terms.vars(pattern)) {
            if (v.isWildcard()) {
                continue;
            }
            if (scope.declaredHere(v.name())) {
                if (strict) {
                    errors.add(new RegoError(ErrorCode.COMPILE, "var " + v.name() + " assigned above", v.location()));
                }
                continue;
            }
            if (strict && (v.name().equals("input") || v.name().equals("data"))) {
                errors.add(new RegoError(ErrorCode.COMPILE, "variables must not shadow " + v.name(), v.location()));
            }
            scope.declare(v.name(), v.name() + "$" + counter.incrementAndGet());
        }
    }

    private Ref resolveWithTarget(Ref target) {
        if (target.head() instanceof Var v) {
            Ref replacement = globalRef(v.name(), v.location());
            if (replacement != null) {
                return replacement.concat(target.terms().subList(1, target.size()));
            }
        }
        return target;
    }

    Term resolveTerm(Term term, Scope scope) {
        return Terms.transform(term, t -> resolveOne(t, scope));
    }

    private Term resolveOne(Term t, Scope scope) {
        if (t instanceof Var v) {
            return resolveVar(v, scope);
        }
        if (t instanceof Call c) {
            return new Call(resolveOperator(c.operator()), resolveAll(c.args(), scope), c.location());
        }
        if (t instanceof Ref r) {
            Term head = resolveTerm(r.head(), scope);
            List<Term> operands = resolveAll(r.terms().subList(1, r.size()), scope);
            if (head instanceof Ref headRef) {
                return headRef.concat(operands);
            }
            List<Term> all = new ArrayList<>();
            all.add(head);
            all.addAll(operands);
            return new Ref(all, r.location());
        }
        if (t instanceof ArrayComprehension c) {
            Scope inner = new Scope(scope);
            Body body = resolveBody(c.body(), inner);
            return new ArrayComprehension(resolveTerm(c.term(), inner), body, c.location());
        }
        if (t instanceof SetComprehension c) {
            Scope inner = new Scope(scope);
            Body body = resolveBody(c.body(), inner);
            return new SetComprehension(resolveTerm(c.term(), inner), body, c.location());
        }
        if (t instanceof ObjectComprehension c) {
            Scope inner = new Scope(scope);
            Body body = resolveBody(c.body(), inner);
            return new ObjectComprehension(resolveTerm(c.key(), inner), resolveTerm(c.value(), inner), body,
                    c.location());
        }
        return null;
    }

    private List<Term> resolveAll(List<Term> terms, Scope scope) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(resolveTerm(t, scope));
        }
        return out;
    }

    private Term resolveVar(Var v, Scope scope) {
        String renamed = scope.lookup(v.name());
        if (renamed != null) {
            return new Var(renamed, v.location());
        }
        if (v.isWildcard()) {
            return v;
        }
        Ref global = globalRef(v.name(), v.location());
        return global != null ? global : v;
    }

    /** Returns the reference a free name stands for: an import or a rule of the package. */
    private Ref globalRef(String name, Location at) {
        Ref imported = imports.get(name);
        if (imported != null) {
            return new Ref(imported.terms(), at);
        }
        if (packagePath != null && ruleNames.contains(name)) {
            return packagePath.concat(List.of(new dev.lambdashield.rego.ast.Scalar(
                    dev.lambdashield.rego.value.StringValue.of(name), at)));
        }
        return null;
    }

    private Ref resolveOperator(Ref operator) {
        if (operator.head() instanceof Var v && !v.name().equals("data")) {
            Ref global = globalRef(v.name(), v.location());
            if (global != null) {
                return new Ref(global.concat(operator.terms().subList(1, operator.size())).terms(), operator.location());
            }
        }
        return operator;
    }
}
