package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.builtins.BuiltinDecl;
import dev.lambdashield.rego.compile.FunctionLookup;
import dev.lambdashield.rego.compile.RuleSet;
import dev.lambdashield.rego.compile.RuleTree;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls of built-ins and user functions. Arguments are evaluated first, and each may have several
 * values. A call with one argument more than the function's arity unifies that last argument with
 * the result. As an expression, a call succeeds unless its result is false or undefined.
 */
final class CallEval {

    private final Evaluation ev;

    CallEval(Evaluation ev) {
        this.ev = ev;
    }

    /** Evaluates a call used as an expression. */
    boolean evalCallExpr(Call call, Bindings b, Cont k) {
        if (call.isOperator("print") && ev.frame().mock("print") == null) {
            ev.evaluatorBuiltins().print(call, b);
            return k.run();
        }
        int arity = arity(call);
        if (arity >= 0 && call.args().size() == arity + 1) {
            Term output = call.args().get(arity);
            return evalArgs(call.args(), arity, b, args -> invoke(call, args, b,
                    result -> ev.terms().unifyValue(output, result, b, k)));
        }
        return evalArgs(call.args(), call.args().size(), b, args -> invoke(call, args, b,
                result -> !BooleanValue.FALSE.equals(result) && k.run()));
    }

    /** Evaluates a call used as a value inside another term. */
    boolean evalCallValue(Call call, Bindings b, ValueCont k) {
        return evalArgs(call.args(), call.args().size(), b, args -> invoke(call, args, b, k));
    }

    private int arity(Call call) {
        String name = call.name();
        if (call.operator().hasRoot("data")) {
            RuleSet set = functionAt(call);
            return set == null ? -1 : set.arity();
        }
        if (name.equals("print")) {
            return FunctionLookup.VARIADIC;
        }
        return ev.program().functions().builtin(name).map(BuiltinDecl::arity).orElse(-1);
    }

    private RuleSet functionAt(Call call) {
        List<String> path = new ArrayList<>();
        for (int i = 1; i < call.operator().size(); i++) {
            path.add(((dev.lambdashield.rego.value.StringValue) ((dev.lambdashield.rego.ast.Scalar)
                    call.operator().get(i)).value()).value());
        }
        RuleTree.Node node = ev.program().ruleTree().find(path);
        return node == null ? null : node.rules();
    }

    private interface ArgsCont {
        boolean accept(List<Value> args);
    }

    private boolean evalArgs(List<Term> terms, int count, Bindings b, ArgsCont k) {
        if (terms.isEmpty() || count == 0) {
            return k.accept(List.of());
        }
        Value[] values = new Value[count];
        int[] order = TermEval.evaluationOrder(terms.subList(0, count), b);
        return evalArg(terms, order, 0, values, b, k);
    }

    private boolean evalArg(List<Term> terms, int[] order, int position, Value[] values, Bindings b, ArgsCont k) {
        if (position == order.length) {
            return k.accept(List.of(values.clone()));
        }
        int index = order[position];
        return ev.terms().eval(terms.get(index), b, v -> {
            values[index] = v;
            return evalArg(terms, order, position + 1, values, b, k);
        });
    }

    /** Dispatches a call with evaluated arguments: mocks first, then user functions and built-ins. */
    private boolean invoke(Call call, List<Value> args, Bindings b, ValueCont k) {
        String name = call.name();
        WithFrame.FunctionMock mock = ev.frame().mock(name);
        if (mock != null) {
            return invokeMock(call, mock, args, b, k);
        }
        if (call.operator().hasRoot("data")) {
            RuleSet set = functionAt(call);
            if (set == null || !set.isFunction()) {
                throw new RegoException(ErrorCode.EVAL_TYPE, "undefined function " + name, call.location());
            }
            Value result = ev.rules().callFunction(set, args);
            return result != null && k.accept(result);
        }
        return invokeBuiltin(call, name, args, b, k);
    }

    private boolean invokeMock(Call call, WithFrame.FunctionMock mock, List<Value> args, Bindings b, ValueCont k) {
        if (mock.value() != null) {
            return k.accept(mock.value());
        }
        if (mock.function() != null) {
            // A replacement function calls the original functions, so it may call the one it replaces.
            WithFrame outer = ev.frame();
            Value result;
            ev.setFrame(outer.withoutMocks());
            try {
                result = ev.rules().callFunction(mock.function(), args);
            } finally {
                ev.setFrame(outer);
            }
            return result != null && k.accept(result);
        }
        return invokeBuiltin(call, mock.builtin(), args, b, k);
    }

    private boolean invokeBuiltin(Call call, String name, List<Value> args, Bindings b, ValueCont k) {
        if (FunctionLookup.isEvaluatorBuiltin(name)) {
            return ev.evaluatorBuiltins().call(call, name, args, k);
        }
        Value result = ev.builtinCaller().call(name, call.location(), args);
        return result != null && k.accept(result);
    }
}
