package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, for each rule body, an expression of the form {@code input.a.b == "constant"} (or
 * {@code =}) that the body cannot succeed without. The evaluator compares the input against it
 * first and skips the body on a mismatch, so a library of rules keyed on, say, the resource type
 * evaluates only the bodies that can apply to a given input.
 */
final class RuleIndexer {

    private RuleIndexer() {
    }

    static RuleIndexEntry indexOf(Rule rule) {
        for (Expr e : rule.body().exprs()) {
            if (e.negated() || !e.withs().isEmpty() || !(e.term() instanceof Call call)) {
                continue;
            }
            if (!(call.isOperator("eq") || call.isOperator("equal")) || call.args().size() != 2) {
                continue;
            }
            RuleIndexEntry entry = match(call.args().get(0), call.args().get(1));
            if (entry == null) {
                entry = match(call.args().get(1), call.args().get(0));
            }
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    private static RuleIndexEntry match(Term refSide, Term constSide) {
        if (!(refSide instanceof Ref ref) || !ref.hasRoot("input") || !ref.isGroundPath()) {
            return null;
        }
        if (!Terms.isConstant(constSide)) {
            return null;
        }
        List<Value> path = new ArrayList<>();
        for (int i = 1; i < ref.size(); i++) {
            path.add(((Scalar) ref.get(i)).value());
        }
        return new RuleIndexEntry(path, Compiler.constantValue(constSide));
    }
}
