package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Type;
import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Aggregates over collections: count, sum, product, max, min, sort, and the deprecated all and any. */
public final class AggregateBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "aggregates";
    private static final Type COUNTABLE = Types.anyOf(Types.STRING, Types.ANY_ARRAY, Types.ANY_OBJECT, Types.ANY_SET);
    private static final Type NUMBERS = Types.anyOf(Types.arrayOf(Types.NUMBER), Types.setOf(Types.NUMBER));
    private static final Type ANY_COLLECTION = Types.anyOf(Types.ANY_ARRAY, Types.ANY_SET);

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("count", CATEGORY,
                "Returns the number of elements of a collection, or of characters (code points) of a string.",
                Types.NUMBER, arg("collection", COUNTABLE)), AggregateBuiltins::count);
        registry.register(function("sum", CATEGORY, "Returns the sum of the numbers of an array or set.",
                Types.NUMBER, arg("collection", NUMBERS)), (context, args) -> fold(args, BigDecimal.ZERO, true));
        registry.register(function("product", CATEGORY, "Returns the product of the numbers of an array or set.",
                Types.NUMBER, arg("collection", NUMBERS)), (context, args) -> fold(args, BigDecimal.ONE, false));
        registry.register(function("max", CATEGORY, "Returns the greatest element of an array or set; undefined when empty.",
                Types.ANY, arg("collection", ANY_COLLECTION)), (context, args) -> extreme(args, true));
        registry.register(function("min", CATEGORY, "Returns the least element of an array or set; undefined when empty.",
                Types.ANY, arg("collection", ANY_COLLECTION)), (context, args) -> extreme(args, false));
        registry.register(function("sort", CATEGORY, "Returns the elements of an array or set in ascending order.",
                Types.ANY_ARRAY, arg("collection", ANY_COLLECTION)), AggregateBuiltins::sort);
        registry.register(function("all", CATEGORY, "Returns whether every element is true (deprecated: use every).",
                Types.BOOLEAN, arg("collection", ANY_COLLECTION)), (context, args) -> allOrAny(args, true));
        registry.register(function("any", CATEGORY, "Returns whether some element is true (deprecated: use some).",
                Types.BOOLEAN, arg("collection", ANY_COLLECTION)), (context, args) -> allOrAny(args, false));
    }

    private static Value count(BuiltinContext context, List<Value> args) {
        Value value = args.get(0);
        if (value instanceof StringValue s) {
            return NumberValue.of(s.value().codePointCount(0, s.value().length()));
        }
        if (value instanceof ArrayValue a) {
            return NumberValue.of(a.size());
        }
        if (value instanceof ObjectValue o) {
            return NumberValue.of(o.size());
        }
        if (value instanceof SetValue s) {
            return NumberValue.of(s.size());
        }
        throw Args.wrongType(args, 0, "array", "object", "set", "string");
    }

    private static Value fold(List<Value> args, BigDecimal identity, boolean add) {
        Value collection = args.get(0);
        BigDecimal result = identity;
        for (Value element : Operands.arrayOrSetElements(args, 0, "set", "array")) {
            if (!(element instanceof NumberValue n)) {
                throw Operands.elementType(0, collection, element, "number");
            }
            result = add ? result.add(n.bigDecimal()) : result.multiply(n.bigDecimal());
        }
        return Operands.number(result);
    }

    private static Value extreme(List<Value> args, boolean greatest) {
        List<Value> elements = Operands.arrayOrSetElements(args, 0, "set", "array");
        if (elements.isEmpty()) {
            return null;
        }
        return greatest ? Collections.max(elements) : Collections.min(elements);
    }

    private static Value sort(BuiltinContext context, List<Value> args) {
        List<Value> elements = new ArrayList<>(Operands.arrayOrSetElements(args, 0, "array", "set"));
        Collections.sort(elements);
        return ArrayValue.of(elements);
    }

    private static Value allOrAny(List<Value> args, boolean all) {
        for (Value element : Operands.arrayOrSetElements(args, 0, "array", "set")) {
            boolean isTrue = element == BooleanValue.TRUE;
            if (all && !isTrue) {
                return BooleanValue.FALSE;
            }
            if (!all && isTrue) {
                return BooleanValue.TRUE;
            }
        }
        return BooleanValue.of(all);
    }
}
