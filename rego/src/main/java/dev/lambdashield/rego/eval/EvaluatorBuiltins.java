package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Annotations;
import dev.lambdashield.rego.ast.AstJson;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.compile.CompiledRule;
import dev.lambdashield.rego.compile.RuleTree;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.parse.RegoParser;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Built-ins that need the evaluator's state: {@code print} (the query's print sink),
 * {@code walk} (a relation with many results), {@code trace}, and {@code rego.metadata.*}
 * (the annotations of the rule being evaluated).
 */
final class EvaluatorBuiltins {

    private final Evaluation ev;

    EvaluatorBuiltins(Evaluation ev) {
        this.ev = ev;
    }

    boolean call(Call call, String name, List<Value> args, ValueCont k) {
        switch (name) {
            case "walk":
                return walk(args.get(0), new ArrayList<>(), k);
            case "trace":
                ev.trace(((args.get(0) instanceof StringValue s) ? s.value() : args.get(0).toString()));
                return k.accept(BooleanValue.TRUE);
            case "rego.metadata.rule":
                return k.accept(ruleAnnotations());
            case "rego.metadata.chain":
                return k.accept(chain());
            case "rego.parse_module":
                Value module = parseModule(call, args);
                return module != null && k.accept(module);
            default:
                throw new RegoException(ErrorCode.EVAL_INTERNAL, "unknown evaluator built-in " + name, call.location());
        }
    }

    /** Prints the arguments to the print sink, each undefined one as {@code <undefined>}. */
    void print(Call call, Bindings b) {
        List<String> parts = new ArrayList<>();
        for (Term arg : call.args()) {
            Value[] first = {null};
            ev.terms().eval(arg, b, v -> {
                first[0] = v;
                return true;
            });
            if (first[0] == null) {
                parts.add("<undefined>");
            } else if (first[0] instanceof StringValue s) {
                parts.add(s.value());
            } else {
                parts.add(first[0].toString());
            }
        }
        ev.print(String.join(" ", parts));
    }

    /** Parses module text with the syntax of the calling module; a syntax error is a built-in error. */
    private Value parseModule(Call call, List<Value> args) {
        if (!(args.get(0) instanceof StringValue file) || !(args.get(1) instanceof StringValue source)) {
            return builtinError(call, ErrorCode.EVAL_TYPE, "operands must be strings");
        }
        boolean v1 = ev.currentRule() == null || ev.currentRule().isV1();
        try {
            return AstJson.module(RegoParser.parseModule(file.value(), source.value(), v1));
        } catch (RegoException e) {
            RegoError first = e.errors().get(0);
            return builtinError(call, ErrorCode.EVAL_BUILTIN, first.code().code() + ": " + first.message());
        }
    }

    /** Raises the error in strict mode; otherwise the call is undefined, as for registered built-ins. */
    private Value builtinError(Call call, ErrorCode code, String message) {
        if (ev.strictBuiltinErrors()) {
            throw new RegoException(code, call.name() + ": " + message, call.location());
        }
        return null;
    }

    private boolean walk(Value value, List<Value> path, ValueCont k) {
        ev.limits().step(null);
        if (k.accept(ArrayValue.of(ArrayValue.of(path), value))) {
            return true;
        }
        return TermEval.iterate(value, (key, child) -> {
            path.add(key);
            boolean stop = walk(child, path, k);
            path.remove(path.size() - 1);
            return stop;
        });
    }

    private Value ruleAnnotations() {
        CompiledRule rule = ev.currentRule();
        if (rule == null) {
            return ObjectValue.EMPTY;
        }
        for (Annotations a : rule.rule().annotations()) {
            if ("rule".equals(a.scope())) {
                return a.fields();
            }
        }
        return ObjectValue.EMPTY;
    }

    private Value chain() {
        CompiledRule rule = ev.currentRule();
        List<Value> entries = new ArrayList<>();
        if (rule == null) {
            return ArrayValue.EMPTY;
        }
        List<String> rulePath = rulePath(rule);
        Value ruleFields = ruleAnnotations();
        entries.add(entry(rulePath, ruleFields.equals(ObjectValue.EMPTY) ? null : ruleFields));
        RuleTree.Node node = ev.program().ruleTree().find(rulePath);
        if (node != null && node.rules() != null) {
            for (CompiledRule other : allRules(node)) {
                for (Annotations a : other.rule().annotations()) {
                    if ("document".equals(a.scope())) {
                        entries.add(entry(rulePath, a.fields()));
                    }
                }
            }
        }
        addPackageEntries(rule.module().pkg().names(), entries);
        return ArrayValue.of(entries);
    }

    private static List<CompiledRule> allRules(RuleTree.Node node) {
        List<CompiledRule> rules = new ArrayList<>(node.rules().rules());
        if (node.rules().defaultRule() != null) {
            rules.add(node.rules().defaultRule());
        }
        return rules;
    }

    private void addPackageEntries(List<String> pkg, List<Value> entries) {
        for (int len = pkg.size(); len >= 0; len--) {
            List<String> prefix = pkg.subList(0, len);
            for (Module m : ev.program().modules()) {
                if (!m.pkg().names().equals(prefix)) {
                    continue;
                }
                for (Annotations a : m.packageAnnotations()) {
                    boolean own = len == pkg.size() && "package".equals(a.scope());
                    if (own || "subpackages".equals(a.scope())) {
                        entries.add(entry(prefix, a.fields()));
                    }
                }
            }
        }
    }

    private static List<String> rulePath(CompiledRule rule) {
        List<String> path = new ArrayList<>(rule.module().pkg().names());
        path.add(rule.rule().head().name());
        for (int i = 1; i < rule.rule().head().ref().size(); i++) {
            Term t = rule.rule().head().ref().get(i);
            if (t instanceof dev.lambdashield.rego.ast.Scalar s && s.value() instanceof StringValue str) {
                path.add(str.value());
            } else {
                break;
            }
        }
        return path;
    }

    private static Value entry(List<String> path, Value annotations) {
        List<Value> names = new ArrayList<>();
        for (String p : path) {
            names.add(StringValue.of(p));
        }
        ObjectValue.Builder entry = ObjectValue.builder();
        entry.put("path", ArrayValue.of(names));
        if (annotations != null) {
            entry.put("annotations", annotations);
        }
        return entry.build();
    }
}
