package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;
import java.util.Optional;

/**
 * Comparison operators and membership ({@code in}). Comparisons use OPA's total order over
 * values, so operands of different types compare by type ({@code null < false < 0 < ""}).
 * The evaluator unifies {@code =} and {@code :=} itself; {@code eq} and {@code assign} are declared
 * here so that the type check can resolve them, and their implementations compare for equality.
 */
public final class ComparisonBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "comparison";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(comparison("eq", "Unifies the operands; compares them for equality when both are ground."),
                (context, args) -> BooleanValue.of(args.get(0).equals(args.get(1))));
        registry.register(comparison("assign", "Assigns the right operand to the local variable on the left."),
                (context, args) -> BooleanValue.of(args.get(0).equals(args.get(1))));
        registry.register(comparison("equal", "Returns whether the operands are equal."),
                (context, args) -> BooleanValue.of(args.get(0).equals(args.get(1))));
        registry.register(comparison("neq", "Returns whether the operands are not equal."),
                (context, args) -> BooleanValue.of(!args.get(0).equals(args.get(1))));
        registry.register(comparison("lt", "Returns whether x is less than y."),
                (context, args) -> BooleanValue.of(args.get(0).compareTo(args.get(1)) < 0));
        registry.register(comparison("lte", "Returns whether x is less than or equal to y."),
                (context, args) -> BooleanValue.of(args.get(0).compareTo(args.get(1)) <= 0));
        registry.register(comparison("gt", "Returns whether x is greater than y."),
                (context, args) -> BooleanValue.of(args.get(0).compareTo(args.get(1)) > 0));
        registry.register(comparison("gte", "Returns whether x is greater than or equal to y."),
                (context, args) -> BooleanValue.of(args.get(0).compareTo(args.get(1)) >= 0));
        registry.register(function("internal.member_2", CATEGORY,
                        "Returns whether x is an element of the array or set, or a value of the object.",
                        Types.BOOLEAN, arg("x", Types.ANY), arg("collection", Types.ANY)),
                (context, args) -> BooleanValue.of(isMember(args.get(0), args.get(1))));
        registry.register(function("internal.member_3", CATEGORY,
                        "Returns whether the collection holds value under key (an array index or object key).",
                        Types.BOOLEAN, arg("key", Types.ANY), arg("value", Types.ANY), arg("collection", Types.ANY)),
                (context, args) -> BooleanValue.of(isMemberAt(args.get(0), args.get(1), args.get(2))));
    }

    private static BuiltinDecl comparison(String name, String description) {
        return function(name, CATEGORY, description, Types.BOOLEAN, arg("x", Types.ANY), arg("y", Types.ANY));
    }

    /** Returns whether value is an element of an array or set or a value of an object; false for scalars. */
    static boolean isMember(Value value, Value collection) {
        if (collection instanceof ArrayValue a) {
            return a.elements().contains(value);
        }
        if (collection instanceof SetValue s) {
            return s.contains(value);
        }
        if (collection instanceof ObjectValue o) {
            return o.entries().containsValue(value);
        }
        return false;
    }

    private static boolean isMemberAt(Value key, Value value, Value collection) {
        if (collection instanceof ArrayValue a) {
            Optional<Integer> index = key instanceof NumberValue n ? n.intValue() : Optional.empty();
            return index.isPresent() && index.get() >= 0 && index.get() < a.size()
                    && a.get(index.get()).equals(value);
        }
        if (collection instanceof ObjectValue o) {
            return value.equals(o.get(key));
        }
        return false;
    }
}
