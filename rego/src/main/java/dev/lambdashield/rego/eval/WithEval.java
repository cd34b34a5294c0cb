package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Var;
import dev.lambdashield.rego.ast.With;
import dev.lambdashield.rego.compile.RuleSet;
import dev.lambdashield.rego.compile.RuleTree;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code with} modifier: evaluates the replacement values, installs a new frame for the
 * expression, and restores the previous frame for the rest of the body.
 */
final class WithEval {

    /** An expression's evaluation, given what runs after it. */
    @FunctionalInterface
    interface Generator {
        boolean run(Cont k);
    }

    private final Evaluation ev;

    WithEval(Evaluation ev) {
        this.ev = ev;
    }

    boolean evalWith(Expr expr, Bindings b, Generator inner, Cont k) {
        return applyWiths(expr.withs(), 0, ev.frame(), b, inner, k);
    }

    private boolean applyWiths(List<With> withs, int index, WithFrame frame, Bindings b, Generator inner, Cont k) {
        if (index == withs.size()) {
            return runInFrame(frame, inner, k);
        }
        With with = withs.get(index);
        WithFrame.FunctionMock functionMock = functionValue(with.value(), b);
        if (functionMock != null) {
            return applyWiths(withs, index + 1, apply(frame, with, null, functionMock), b, inner, k);
        }
        return ev.terms().eval(with.value(), b, value ->
                applyWiths(withs, index + 1, apply(frame, with, value, null), b, inner, k));
    }

    private boolean runInFrame(WithFrame frame, Generator inner, Cont k) {
        WithFrame outer = ev.frame();
        ev.setFrame(frame);
        try {
            return inner.run(() -> {
                ev.setFrame(outer);
                try {
                    return k.run();
                } finally {
                    ev.setFrame(frame);
                }
            });
        } finally {
            ev.setFrame(outer);
        }
    }

    /** Returns a mock when the value names a function rather than holding a value. */
    private WithFrame.FunctionMock functionValue(Term value, Bindings b) {
        if (value instanceof Var v && !b.isBound(v.name()) && ev.program().functions().builtin(v.name()).isPresent()) {
            return new WithFrame.FunctionMock(null, v.name(), null);
        }
        if (value instanceof Ref r && r.hasRoot("data") && r.isGroundPath()) {
            RuleSet set = ruleSetAt(r);
            if (set != null && set.isFunction()) {
                return new WithFrame.FunctionMock(null, null, set);
            }
        }
        if (value instanceof Ref r && r.head() instanceof Var v && !b.isBound(v.name()) && !r.hasRoot("data")
                && !r.hasRoot("input") && ev.program().functions().builtin(r.toString()).isPresent()) {
            return new WithFrame.FunctionMock(null, r.toString(), null);
        }
        return null;
    }

    private RuleSet ruleSetAt(Ref ref) {
        RuleTree.Node node = ev.program().ruleTree().find(names(ref));
        return node == null ? null : node.rules();
    }

    private static List<String> names(Ref ref) {
        List<String> path = new ArrayList<>();
        for (int i = 1; i < ref.size(); i++) {
            if (ref.get(i) instanceof Scalar s && s.value() instanceof StringValue str) {
                path.add(str.value());
            } else {
                throw new RegoException(ErrorCode.COMPILE, "with target must be a constant path: " + ref,
                        ref.location());
            }
        }
        return path;
    }

    private WithFrame apply(WithFrame frame, With with, Value value, WithFrame.FunctionMock mock) {
        Ref target = with.target();
        if (target.hasRoot("input")) {
            if (mock != null) {
                value = ObjectValue.EMPTY;
            }
            Value input = frame.input() == null ? ObjectValue.EMPTY : frame.input();
            List<String> path = names(target);
            return frame.withInput(path.isEmpty() ? value : Values.setPath(input, path, value));
        }
        if (target.hasRoot("data")) {
            RuleSet set = ruleSetAt(target);
            if (set != null && set.isFunction()) {
                return frame.withMock(target.toString(), mock != null ? mock : new WithFrame.FunctionMock(value, null, null));
            }
            if (mock != null) {
                throw new RegoException(ErrorCode.COMPILE, "with target " + target + " is not a function", with.location());
            }
            return frame.withOverride(names(target), value);
        }
        String name = target.toString();
        if (ev.program().functions().builtin(name).isEmpty()) {
            throw new RegoException(ErrorCode.COMPILE, "with target " + name
                    + " must be input, data, or a function", with.location());
        }
        return frame.withMock(name, mock != null ? mock : new WithFrame.FunctionMock(value, null, null));
    }
}
