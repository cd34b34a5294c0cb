package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Array functions: concat, flatten, slice and reverse. */
public final class ArrayBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "array";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("array.concat", CATEGORY, "Returns the elements of x followed by those of y.",
                Types.ANY_ARRAY, arg("x", Types.ANY_ARRAY), arg("y", Types.ANY_ARRAY)), ArrayBuiltins::concat);
        registry.register(function("array.slice", CATEGORY,
                "Returns the elements from index start up to but excluding stop; indexes are clamped to the array.",
                Types.ANY_ARRAY, arg("arr", Types.ANY_ARRAY), arg("start", Types.NUMBER), arg("stop", Types.NUMBER)),
                ArrayBuiltins::slice);
        registry.register(function("array.flatten", CATEGORY,
                "Replaces each element that is an array with its elements, one level deep.",
                Types.ANY_ARRAY, arg("arr", Types.ANY_ARRAY)), ArrayBuiltins::flatten);
        registry.register(function("array.reverse", CATEGORY, "Returns the elements in reverse order.",
                Types.ANY_ARRAY, arg("arr", Types.ANY_ARRAY)), ArrayBuiltins::reverse);
    }

    private static Value concat(BuiltinContext context, List<Value> args) {
        ArrayValue left = Args.array(args, 0);
        ArrayValue right = Args.array(args, 1);
        List<Value> elements = new ArrayList<>(left.size() + right.size());
        elements.addAll(left.elements());
        elements.addAll(right.elements());
        return ArrayValue.of(elements);
    }

    private static Value flatten(BuiltinContext context, List<Value> args) {
        List<Value> elements = new ArrayList<>();
        for (Value element : Args.array(args, 0).elements()) {
            if (element instanceof ArrayValue nested) {
                elements.addAll(nested.elements());
            } else {
                elements.add(element);
            }
        }
        return ArrayValue.of(elements);
    }

    private static Value slice(BuiltinContext context, List<Value> args) {
        ArrayValue array = Args.array(args, 0);
        long start = clampIndex(Operands.integer(args, 1), array.size());
        long stop = clampIndex(Operands.integer(args, 2), array.size());
        if (start >= stop) {
            return ArrayValue.EMPTY;
        }
        return ArrayValue.of(array.elements().subList((int) start, (int) stop));
    }

    private static long clampIndex(BigInteger index, int size) {
        if (index.signum() < 0) {
            return 0;
        }
        return index.min(BigInteger.valueOf(size)).longValue();
    }

    private static Value reverse(BuiltinContext context, List<Value> args) {
        List<Value> elements = new ArrayList<>(Args.array(args, 0).elements());
        Collections.reverse(elements);
        return ArrayValue.of(elements);
    }
}
