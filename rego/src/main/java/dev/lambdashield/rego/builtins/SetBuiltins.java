package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Type;
import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;
import java.util.TreeSet;

/** Set operators ({@code &}, {@code |}) and the n-ary {@code intersection} and {@code union}. */
public final class SetBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "sets";
    private static final Type SET_OF_SETS = Types.setOf(Types.ANY_SET);

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(binary("and", "Returns the intersection of two sets."),
                (context, args) -> intersect(Args.set(args, 0), Args.set(args, 1)));
        registry.register(binary("or", "Returns the union of two sets."),
                (context, args) -> unite(Args.set(args, 0), Args.set(args, 1)));
        registry.register(function("intersection", CATEGORY, "Returns the intersection of the given sets.",
                Types.ANY_SET, arg("xs", SET_OF_SETS)), SetBuiltins::intersectAll);
        registry.register(function("union", CATEGORY, "Returns the union of the given sets.",
                Types.ANY_SET, arg("xs", SET_OF_SETS)), SetBuiltins::uniteAll);
        registry.register(binary("set_diff", "Returns the elements of x that are not in y (deprecated: use minus)."),
                (context, args) -> difference(Args.set(args, 0), Args.set(args, 1)));
    }

    private static BuiltinDecl binary(String name, String description) {
        return function(name, CATEGORY, description, Types.ANY_SET, arg("x", Types.ANY_SET), arg("y", Types.ANY_SET));
    }

    static SetValue difference(SetValue left, SetValue right) {
        TreeSet<Value> result = new TreeSet<>(left.elements());
        result.removeAll(right.elements());
        return SetValue.of(result);
    }

    private static SetValue intersect(SetValue left, SetValue right) {
        TreeSet<Value> result = new TreeSet<>(left.elements());
        result.retainAll(right.elements());
        return SetValue.of(result);
    }

    private static SetValue unite(SetValue left, SetValue right) {
        TreeSet<Value> result = new TreeSet<>(left.elements());
        result.addAll(right.elements());
        return SetValue.of(result);
    }

    private static Value intersectAll(BuiltinContext context, List<Value> args) {
        SetValue sets = Args.set(args, 0);
        TreeSet<Value> result = null;
        for (Value element : sets.elements()) {
            SetValue set = requireSet(sets, element);
            if (result == null) {
                result = new TreeSet<>(set.elements());
            } else {
                result.retainAll(set.elements());
            }
        }
        return result == null ? SetValue.EMPTY : SetValue.of(result);
    }

    private static Value uniteAll(BuiltinContext context, List<Value> args) {
        SetValue sets = Args.set(args, 0);
        TreeSet<Value> result = new TreeSet<>();
        for (Value element : sets.elements()) {
            result.addAll(requireSet(sets, element).elements());
        }
        return SetValue.of(result);
    }

    private static SetValue requireSet(SetValue sets, Value element) {
        if (element instanceof SetValue s) {
            return s;
        }
        throw Operands.elementType(0, sets, element, "set");
    }
}
