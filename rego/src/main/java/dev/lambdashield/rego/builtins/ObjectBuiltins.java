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
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Object functions: get (by key or path), keys, remove, filter, union, union_n and subset. */
public final class ObjectBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "object";
    private static final Type KEYS = Types.anyOf(Types.ANY_ARRAY, Types.ANY_SET, Types.ANY_OBJECT);
    private static final Type COLLECTION = Types.anyOf(Types.ANY_OBJECT, Types.ANY_SET, Types.ANY_ARRAY);

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("object.get", CATEGORY,
                "Returns the value under key, or under the path when key is an array; default when there is none.",
                Types.ANY, arg("object", Types.ANY_OBJECT), arg("key", Types.ANY), arg("default", Types.ANY)),
                ObjectBuiltins::get);
        registry.register(function("object.keys", CATEGORY, "Returns the set of keys of an object.",
                Types.ANY_SET, arg("object", Types.ANY_OBJECT)),
                (context, args) -> SetValue.of(Args.object(args, 0).entries().keySet()));
        registry.register(function("object.remove", CATEGORY, "Returns the object without the given keys.",
                Types.ANY_OBJECT, arg("object", Types.ANY_OBJECT), arg("keys", KEYS)),
                (context, args) -> select(args, false));
        registry.register(function("object.filter", CATEGORY, "Returns the object with only the given keys.",
                Types.ANY_OBJECT, arg("object", Types.ANY_OBJECT), arg("keys", KEYS)),
                (context, args) -> select(args, true));
        registry.register(function("object.union", CATEGORY,
                "Merges two objects recursively; on a conflict the value of b wins.",
                Types.ANY_OBJECT, arg("a", Types.ANY_OBJECT), arg("b", Types.ANY_OBJECT)),
                (context, args) -> union(Args.object(args, 0), Args.object(args, 1)));
        registry.register(function("object.union_n", CATEGORY,
                "Merges an array of objects recursively, later objects winning on conflicts.",
                Types.ANY_OBJECT, arg("objects", Types.arrayOf(Types.ANY_OBJECT))), ObjectBuiltins::unionAll);
        registry.register(function("object.subset", CATEGORY,
                "Returns whether sub is contained in super: recursively for objects, as a contiguous run for arrays.",
                Types.BOOLEAN, arg("super", COLLECTION), arg("sub", COLLECTION)), ObjectBuiltins::subset);
    }

    private static Value get(BuiltinContext context, List<Value> args) {
        ObjectValue object = Args.object(args, 0);
        Value key = args.get(1);
        if (!(key instanceof ArrayValue path)) {
            Value found = object.get(key);
            return found != null ? found : args.get(2);
        }
        Value current = object;
        for (Value step : path.elements()) {
            current = child(current, step);
            if (current == null) {
                return args.get(2);
            }
        }
        return current;
    }

    /** Steps into an object by key, an array by index, or a set by member (which selects itself), as OPA's Find does. */
    private static Value child(Value parent, Value key) {
        if (parent instanceof ObjectValue o) {
            return o.get(key);
        }
        if (parent instanceof SetValue s) {
            return s.contains(key) ? key : null;
        }
        if (parent instanceof ArrayValue a && key instanceof NumberValue n) {
            Optional<Integer> index = n.intValue();
            return index.isPresent() && index.get() >= 0 && index.get() < a.size() ? a.get(index.get()) : null;
        }
        return null;
    }

    private static Value select(List<Value> args, boolean keep) {
        ObjectValue object = Args.object(args, 0);
        Collection<Value> keys = keyOperand(args, 1);
        ObjectValue.Builder result = ObjectValue.builder();
        if (keep) {
            for (Value key : keys) {
                Value value = object.get(key);
                if (value != null) {
                    result.put(key, value);
                }
            }
            return result.build();
        }
        TreeMap<Value, Value> remaining = new TreeMap<>(object.entries());
        remaining.keySet().removeAll(keys);
        return ObjectValue.of(remaining);
    }

    private static Collection<Value> keyOperand(List<Value> args, int index) {
        Value keys = args.get(index);
        if (keys instanceof ArrayValue a) {
            return a.elements();
        }
        if (keys instanceof SetValue s) {
            return s.elements();
        }
        if (keys instanceof ObjectValue o) {
            return o.entries().keySet();
        }
        throw Args.wrongType(args, index, "object", "set", "array");
    }

    /** Merges b into a. Where both contain an object under one key the two are merged, else the value of b wins. */
    static ObjectValue union(ObjectValue a, ObjectValue b) {
        TreeMap<Value, Value> merged = new TreeMap<>(a.entries());
        for (Map.Entry<Value, Value> entry : b.entries().entrySet()) {
            Value existing = merged.get(entry.getKey());
            Value incoming = entry.getValue();
            if (existing instanceof ObjectValue left && incoming instanceof ObjectValue right) {
                merged.put(entry.getKey(), union(left, right));
            } else {
                merged.put(entry.getKey(), incoming);
            }
        }
        return ObjectValue.of(merged);
    }

    private static Value unionAll(BuiltinContext context, List<Value> args) {
        ArrayValue objects = Args.array(args, 0);
        ObjectValue result = ObjectValue.EMPTY;
        for (Value element : objects.elements()) {
            if (!(element instanceof ObjectValue o)) {
                throw Operands.elementType(0, objects, element, "object");
            }
            result = union(result, o);
        }
        return result;
    }

    private static Value subset(BuiltinContext context, List<Value> args) {
        for (int i = 0; i < 2; i++) {
            Value operand = args.get(i);
            if (!(operand instanceof ObjectValue || operand instanceof SetValue || operand instanceof ArrayValue)) {
                throw Args.wrongType(args, i, "object", "set", "array");
            }
        }
        return BooleanValue.of(isSubset(args.get(0), args.get(1)));
    }

    private static boolean isSubset(Value superValue, Value sub) {
        if (superValue instanceof ObjectValue sup && sub instanceof ObjectValue s) {
            for (Map.Entry<Value, Value> entry : s.entries().entrySet()) {
                Value candidate = sup.get(entry.getKey());
                if (candidate == null || !isSubset(candidate, entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (superValue instanceof SetValue sup && sub instanceof SetValue s) {
            return sup.elements().containsAll(s.elements());
        }
        if (superValue instanceof ArrayValue sup && sub instanceof ArrayValue s) {
            return isContiguousRun(sup.elements(), s.elements());
        }
        if (superValue instanceof ArrayValue sup && sub instanceof SetValue s) {
            return new ArrayList<>(sup.elements()).containsAll(s.elements());
        }
        return superValue.equals(sub);
    }

    private static boolean isContiguousRun(List<Value> haystack, List<Value> needle) {
        if (needle.isEmpty()) {
            return true;
        }
        return Collections.indexOfSubList(haystack, needle) >= 0;
    }
}
