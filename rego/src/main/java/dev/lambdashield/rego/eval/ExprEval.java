package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Every;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.SomeDecl;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;

/** Evaluation of bodies and expressions: conjunction, negation, {@code some ... in}, {@code every}. */
final class ExprEval {

    private final Evaluation ev;

    ExprEval(Evaluation ev) {
        this.ev = ev;
    }

    boolean evalBody(Body body, Bindings b, Cont k) {
        return evalExprs(body.exprs(), 0, b, k);
    }

    private boolean evalExprs(List<Expr> exprs, int index, Bindings b, Cont k) {
        if (index == exprs.size()) {
            return k.run();
        }
        Expr expr = exprs.get(index);
        ev.limits().step(expr.location());
        if (ev.coverage() != null) {
            ev.coverage().expression(expr.location());
        }
        return evalExpr(expr, b, () -> evalExprs(exprs, index + 1, b, k));
    }

    private boolean evalExpr(Expr expr, Bindings b, Cont k) {
        if (!expr.withs().isEmpty()) {
            return ev.withs().evalWith(expr, b, inner -> evalNegatable(expr, b, inner), k);
        }
        return evalNegatable(expr, b, k);
    }

    private boolean evalNegatable(Expr expr, Bindings b, Cont k) {
        if (expr.negated()) {
            boolean found = evalTerm(expr.term(), b, () -> true);
            return !found && k.run();
        }
        return evalTerm(expr.term(), b, k);
    }

    private boolean evalTerm(Term term, Bindings b, Cont k) {
        if (term instanceof SomeDecl some) {
            return some.isMembership() ? evalMembership((Call) some.symbols().get(0), b, k) : k.run();
        }
        if (term instanceof Every every) {
            return evalEvery(every, b, k);
        }
        if (term instanceof Call call) {
            if (call.isOperator("eq") || call.isOperator("assign")) {
                return ev.terms().unify(call.args().get(0), call.args().get(1), b, k);
            }
            return ev.calls().evalCallExpr(call, b, k);
        }
        return ev.terms().eval(term, b, v -> !BooleanValue.FALSE.equals(v) && k.run());
    }

    /** Evaluates {@code some x in xs} and {@code some k, v in xs}, binding the patterns per element. */
    private boolean evalMembership(Call member, Bindings b, Cont k) {
        List<Term> args = member.args();
        Term domain = args.get(args.size() - 1);
        TermEval terms = ev.terms();
        return terms.eval(domain, b, collection -> TermEval.iterate(collection, (key, value) -> {
            if (args.size() == 2) {
                return terms.unifyValue(args.get(0), value, b, k);
            }
            return terms.unifyValue(args.get(0), key, b, () -> terms.unifyValue(args.get(1), value, b, k));
        }));
    }

    private boolean evalEvery(Every every, Bindings b, Cont k) {
        TermEval terms = ev.terms();
        return terms.eval(every.domain(), b, collection -> {
            boolean[] failed = {false};
            TermEval.iterate(collection, (key, value) -> {
                boolean holds = bindEvery(every, key, value, b);
                failed[0] = !holds;
                return !holds;
            });
            return !failed[0] && k.run();
        });
    }

    private boolean bindEvery(Every every, Value key, Value value, Bindings b) {
        TermEval terms = ev.terms();
        Cont body = () -> evalBody(every.body(), b, () -> true);
        if (every.key() == null) {
            return terms.unifyValue(every.value(), value, b, body);
        }
        return terms.unifyValue(every.key(), key, b, () -> terms.unifyValue(every.value(), value, b, body));
    }
}
