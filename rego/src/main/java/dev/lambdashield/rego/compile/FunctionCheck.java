package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.builtins.BuiltinDecl;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks calls: the function must exist, the number of arguments must match its arity (one more
 * for an output argument), and constant arguments must have the declared types.
 */
final class FunctionCheck {

    /** Built-ins that Rego v1 removed; v1 modules may not call them. */
    static final Set<String> REMOVED_IN_V1 = Set.of("any", "all", "re_match", "set_diff", "cast_array", "cast_set",
            "cast_string", "cast_boolean", "cast_null", "cast_object", "net.cidr_overlap");

    /** Operators that the evaluator implements as part of the language, whatever the registry holds. */
    static final Set<String> LANGUAGE_OPERATORS = Set.of("eq", "assign", "internal.member_2", "internal.member_3");

    private final RuleTree tree;
    private final FunctionLookup functions;
    private final List<RegoError> errors;

    FunctionCheck(RuleTree tree, FunctionLookup functions, List<RegoError> errors) {
        this.tree = tree;
        this.functions = functions;
        this.errors = errors;
    }

    /** Returns the arity of the function a call names, {@link FunctionLookup#VARIADIC}, or -1 when unknown. */
    int arityOf(Call call) {
        if (call.operator().hasRoot("data")) {
            RuleTree.Node node = tree.find(Compiler.groundPath(call.operator()));
            return node != null && node.rules() != null ? node.rules().arity() : -1;
        }
        if (call.isOperator("eq") || call.isOperator("assign") || call.name().equals("internal.member_2")) {
            return 2;
        }
        if (call.name().equals("internal.member_3")) {
            return 3;
        }
        if (call.name().equals("print")) {
            return FunctionLookup.VARIADIC;
        }
        return functions.builtin(call.name()).map(BuiltinDecl::arity).orElse(-1);
    }

    void checkTerm(Term term, boolean v1) {
        Terms.visit(term, t -> {
            if (t instanceof Call c) {
                checkCall(c, v1);
            }
        });
    }

    private void checkCall(Call call, boolean v1) {
        String name = call.name();
        if (call.operator().hasRoot("data")) {
            RuleTree.Node node = tree.find(Compiler.groundPath(call.operator()));
            if (node == null || node.rules() == null || !node.rules().isFunction()) {
                errors.add(new RegoError(ErrorCode.TYPE, "undefined function " + name, call.location()));
                return;
            }
            checkArity(call, node.rules().arity());
            return;
        }
        if (LANGUAGE_OPERATORS.contains(name)) {
            return;
        }
        Optional<BuiltinDecl> decl = functions.builtin(name);
        if (decl.isEmpty() || (v1 && REMOVED_IN_V1.contains(name))) {
            errors.add(new RegoError(ErrorCode.TYPE, "undefined function " + name, call.location()));
            return;
        }
        if (name.equals("print")) {
            return;
        }
        if (checkArity(call, decl.get().arity())) {
            checkConstantTypes(call, decl.get());
        }
    }

    private boolean checkArity(Call call, int arity) {
        int n = call.args().size();
        if (n != arity && n != arity + 1) {
            errors.add(new RegoError(ErrorCode.TYPE, call.name() + ": arity mismatch: expected " + arity
                    + " argument" + (arity == 1 ? "" : "s") + ", got " + n, call.location()));
            return false;
        }
        return true;
    }

    private void checkConstantTypes(Call call, BuiltinDecl decl) {
        List<String> have = new ArrayList<>();
        boolean mismatch = false;
        for (int i = 0; i < decl.arity(); i++) {
            Term arg = call.args().get(i);
            if (!Terms.isConstant(arg)) {
                have.add("any");
                continue;
            }
            Value value = Compiler.constantValue(arg);
            have.add(value.typeName());
            if (!TypeCheck.accepts(decl.args().get(i).type(), value)) {
                mismatch = true;
            }
        }
        if (mismatch) {
            List<String> want = new ArrayList<>();
            for (BuiltinDecl.Arg a : decl.args()) {
                want.add(a.name() + ": " + a.type());
            }
            errors.add(new RegoError(ErrorCode.TYPE, call.name() + ": invalid argument(s)\n\thave: ("
                    + String.join(", ", have) + ")\n\twant: (" + String.join(", ", want) + ")", call.location()));
        }
    }
}
