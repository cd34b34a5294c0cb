package dev.lambdashield.rego.ast;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Traversals over terms, expressions and bodies. */
public final class Terms {

    private Terms() {
    }

    /**
     * Rebuilds a term top-down: {@code f} returns a replacement for a term, or null to keep the
     * term and transform its children. Bodies of comprehensions and {@code every} are included;
     * a call's operator is not, because it names a function rather than holding values.
     */
    public static Term transform(Term term, Function<Term, Term> f) {
        Term replaced = f.apply(term);
        if (replaced != null) {
            return replaced;
        }
        if (term instanceof Ref r) {
            return new Ref(transformAll(r.terms(), f), r.location());
        }
        if (term instanceof ArrayTerm a) {
            return new ArrayTerm(transformAll(a.elements(), f), a.location());
        }
        if (term instanceof SetTerm s) {
            return new SetTerm(transformAll(s.elements(), f), s.location());
        }
        if (term instanceof ObjectTerm o) {
            List<ObjectTerm.Entry> entries = new ArrayList<>();
            for (ObjectTerm.Entry e : o.entries()) {
                entries.add(new ObjectTerm.Entry(transform(e.key(), f), transform(e.value(), f)));
            }
            return new ObjectTerm(entries, o.location());
        }
        if (term instanceof ArrayComprehension c) {
            return new ArrayComprehension(transform(c.term(), f), transformBody(c.body(), f), c.location());
        }
        if (term instanceof SetComprehension c) {
            return new SetComprehension(transform(c.term(), f), transformBody(c.body(), f), c.location());
        }
        if (term instanceof ObjectComprehension c) {
            return new ObjectComprehension(transform(c.key(), f), transform(c.value(), f), transformBody(c.body(), f),
                    c.location());
        }
        if (term instanceof Call c) {
            return new Call(c.operator(), transformAll(c.args(), f), c.location());
        }
        if (term instanceof SomeDecl s) {
            return new SomeDecl(transformAll(s.symbols(), f), s.location());
        }
        if (term instanceof Every e) {
            return new Every(e.key() == null ? null : transform(e.key(), f), transform(e.value(), f),
                    transform(e.domain(), f), transformBody(e.body(), f), e.location());
        }
        return term;
    }

    public static List<Term> transformAll(List<Term> terms, Function<Term, Term> f) {
        List<Term> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            out.add(transform(t, f));
        }
        return out;
    }

    public static Body transformBody(Body body, Function<Term, Term> f) {
        List<Expr> exprs = new ArrayList<>();
        for (Expr e : body.exprs()) {
            exprs.add(transformExpr(e, f));
        }
        return new Body(exprs);
    }

    public static Expr transformExpr(Expr e, Function<Term, Term> f) {
        List<With> withs = new ArrayList<>();
        for (With w : e.withs()) {
            withs.add(new With(w.target(), transform(w.value(), f), w.location()));
        }
        return new Expr(transform(e.term(), f), e.negated(), withs, e.location());
    }

    /** Visits every term below {@code term} (including itself), descending into nested bodies. */
    public static void visit(Term term, Consumer<Term> visitor) {
        transform(term, t -> {
            visitor.accept(t);
            return null;
        });
    }

    /** Returns every variable in a term, including those in nested bodies, in order of appearance. */
    public static Set<Var> vars(Term term) {
        Set<Var> vars = new LinkedHashSet<>();
        visit(term, t -> {
            if (t instanceof Var v) {
                vars.add(v);
            }
        });
        return vars;
    }

    public static Set<Var> vars(Expr expr) {
        Set<Var> vars = new LinkedHashSet<>(vars(expr.term()));
        for (With w : expr.withs()) {
            vars.addAll(vars(w.value()));
        }
        return vars;
    }

    public static Set<Var> vars(Body body) {
        Set<Var> vars = new LinkedHashSet<>();
        for (Expr e : body.exprs()) {
            vars.addAll(vars(e));
        }
        return vars;
    }

    /** Returns true when the term is a constant: no variables, references, calls or comprehensions. */
    public static boolean isConstant(Term term) {
        boolean[] constant = {true};
        visit(term, t -> {
            if (t instanceof Var || t instanceof Ref || t instanceof Call || t instanceof ArrayComprehension
                    || t instanceof SetComprehension || t instanceof ObjectComprehension || t instanceof SomeDecl
                    || t instanceof Every) {
                constant[0] = false;
            }
        });
        return constant[0];
    }
}
