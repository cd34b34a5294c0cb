package dev.lambdashield.rego.ast;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts a parsed module to the JSON form of OPA's AST, as {@code rego.parse_module} returns
 * it: each term is {@code {"type": ..., "value": ...}}, and modules have {@code package},
 * {@code imports} and {@code rules}.
 * NOTE: locations and annotations are left out, and {@code some} and {@code every} use a
 * simplified shape.
 */
public final class AstJson {

    private AstJson() {
    }

    public static Value module(Module module) {
        ObjectValue.Builder out = ObjectValue.builder();
        out.put("package", ObjectValue.builder().put("path", terms(module.pkg().path().terms())).build());
        List<Value> imports = new ArrayList<>();
        for (Import i : module.imports()) {
            ObjectValue.Builder imp = ObjectValue.builder().put("path", term(i.path()));
            if (i.alias() != null) {
                imp.put("alias", StringValue.of(i.alias()));
            }
            imports.add(imp.build());
        }
        if (!imports.isEmpty()) {
            out.put("imports", ArrayValue.of(imports));
        }
        List<Value> rules = new ArrayList<>();
        for (Rule r : module.rules()) {
            rules.add(rule(r));
        }
        out.put("rules", ArrayValue.of(rules));
        return out.build();
    }

    private static Value rule(Rule rule) {
        Head head = rule.head();
        ObjectValue.Builder h = ObjectValue.builder()
                .put("name", StringValue.of(head.name()))
                .put("ref", terms(head.ref().terms()));
        if (head.args() != null) {
            h.put("args", terms(head.args()));
        }
        if (head.key() != null) {
            h.put("key", term(head.key()));
        }
        if (head.value() != null) {
            h.put("value", term(head.value()));
        }
        if (head.assign()) {
            h.put("assign", BooleanValue.TRUE);
        }
        ObjectValue.Builder out = ObjectValue.builder().put("head", h.build()).put("body", body(rule.body()));
        if (rule.isDefault()) {
            out.put("default", BooleanValue.TRUE);
        }
        if (rule.elseRule() != null) {
            out.put("else", rule(rule.elseRule()));
        }
        return out.build();
    }

    private static Value body(Body body) {
        List<Value> exprs = new ArrayList<>();
        for (int i = 0; i < body.exprs().size(); i++) {
            Expr e = body.exprs().get(i);
            ObjectValue.Builder expr = ObjectValue.builder().put("index", NumberValue.of(i));
            if (e.term() instanceof Call c) {
                List<Value> parts = new ArrayList<>();
                parts.add(term(c.operator()));
                c.args().forEach(a -> parts.add(term(a)));
                expr.put("terms", ArrayValue.of(parts));
            } else {
                expr.put("terms", term(e.term()));
            }
            if (e.negated()) {
                expr.put("negated", BooleanValue.TRUE);
            }
            if (!e.withs().isEmpty()) {
                List<Value> withs = new ArrayList<>();
                for (With w : e.withs()) {
                    withs.add(ObjectValue.builder().put("target", term(w.target())).put("value", term(w.value())).build());
                }
                expr.put("with", ArrayValue.of(withs));
            }
            exprs.add(expr.build());
        }
        return ArrayValue.of(exprs);
    }

    private static Value terms(List<Term> terms) {
        List<Value> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(term(t));
        }
        return ArrayValue.of(out);
    }

    public static Value term(Term term) {
        if (term instanceof Scalar s) {
            if (s.value() instanceof NullValue) {
                return typed("null", null);
            }
            return typed(s.value().typeName(), s.value());
        }
        if (term instanceof Var v) {
            return typed("var", StringValue.of(v.name()));
        }
        if (term instanceof Ref r) {
            return typed("ref", terms(r.terms()));
        }
        if (term instanceof ArrayTerm a) {
            return typed("array", terms(a.elements()));
        }
        if (term instanceof SetTerm s) {
            return typed("set", terms(s.elements()));
        }
        if (term instanceof ObjectTerm o) {
            List<Value> entries = new ArrayList<>();
            for (ObjectTerm.Entry e : o.entries()) {
                entries.add(ArrayValue.of(term(e.key()), term(e.value())));
            }
            return typed("object", ArrayValue.of(entries));
        }
        if (term instanceof Call c) {
            List<Value> parts = new ArrayList<>();
            parts.add(term(c.operator()));
            c.args().forEach(a -> parts.add(term(a)));
            return typed("call", ArrayValue.of(parts));
        }
        return compound(term);
    }

    private static Value compound(Term term) {
        if (term instanceof ArrayComprehension c) {
            return typed("arraycomprehension", ObjectValue.builder().put("term", term(c.term())).put("body", body(c.body())).build());
        }
        if (term instanceof SetComprehension c) {
            return typed("setcomprehension", ObjectValue.builder().put("term", term(c.term())).put("body", body(c.body())).build());
        }
        if (term instanceof ObjectComprehension c) {
            return typed("objectcomprehension", ObjectValue.builder().put("key", term(c.key()))
                    .put("value", term(c.value())).put("body", body(c.body())).build());
        }
        if (term instanceof SomeDecl s) {
            return typed("somedecl", terms(s.symbols()));
        }
        Every e = (Every) term;
        ObjectValue.Builder every = ObjectValue.builder().put("value", term(e.value())).put("domain", term(e.domain()))
                .put("body", body(e.body()));
        if (e.key() != null) {
            every.put("key", term(e.key()));
        }
        return typed("every", every.build());
    }

    private static Value typed(String type, Value value) {
        ObjectValue.Builder out = ObjectValue.builder().put("type", StringValue.of(type));
        if (value != null) {
            out.put("value", value);
        }
        return out.build();
    }
}
