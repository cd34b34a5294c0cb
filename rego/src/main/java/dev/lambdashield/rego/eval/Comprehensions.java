package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.ArrayComprehension;
import dev.lambdashield.rego.ast.ObjectComprehension;
import dev.lambdashield.rego.ast.SetComprehension;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Array, set and object comprehensions. The body runs with the enclosing bindings, so it reads
 * the variables bound outside. Its own bindings are undone once the value is built.
 */
final class Comprehensions {

    private final Evaluation ev;

    Comprehensions(Evaluation ev) {
        this.ev = ev;
    }

    Value evaluate(Term term, Bindings b) {
        ev.limits().enter(term.location());
        try {
            if (term instanceof ArrayComprehension c) {
                List<Value> values = new ArrayList<>();
                ev.exprs().evalBody(c.body(), b, () -> ev.terms().eval(c.term(), b, v -> {
                    values.add(v);
                    return false;
                }));
                return ArrayValue.of(values);
            }
            if (term instanceof SetComprehension c) {
                SetValue.Builder set = SetValue.builder();
                ev.exprs().evalBody(c.body(), b, () -> ev.terms().eval(c.term(), b, v -> {
                    set.add(v);
                    return false;
                }));
                return set.build();
            }
            ObjectComprehension c = (ObjectComprehension) term;
            ObjectValue.Builder object = ObjectValue.builder();
            ev.exprs().evalBody(c.body(), b, () -> ev.terms().eval(c.key(), b, key -> ev.terms().eval(c.value(), b, v -> {
                Value previous = object.put(key, v);
                if (previous != null && !previous.equals(v)) {
                    throw new RegoException(ErrorCode.EVAL_CONFLICT, "object keys must be unique", c.location());
                }
                return false;
            })));
            return object.build();
        } finally {
            ev.limits().leave();
        }
    }
}
