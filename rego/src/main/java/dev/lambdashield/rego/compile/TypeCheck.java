package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.types.Type;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.Map;

/** Decides whether a constant value has a declared type, and names the type of a value for messages. */
final class TypeCheck {

    private TypeCheck() {
    }

    static boolean accepts(Type type, Value value) {
        switch (type.kind()) {
            case ANY:
                return true;
            case NULL:
                return value instanceof NullValue;
            case BOOLEAN:
                return value instanceof BooleanValue;
            case NUMBER:
                return value instanceof NumberValue;
            case STRING:
                return value instanceof StringValue;
            case ARRAY:
                return value instanceof ArrayValue a
                        && a.elements().stream().allMatch(e -> accepts(type.parameters().get(0), e));
            case SET:
                return value instanceof SetValue s
                        && s.elements().stream().allMatch(e -> accepts(type.parameters().get(0), e));
            case OBJECT:
                if (!(value instanceof ObjectValue o)) {
                    return false;
                }
                for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
                    if (!accepts(type.parameters().get(0), e.getKey()) || !accepts(type.parameters().get(1), e.getValue())) {
                        return false;
                    }
                }
                return true;
            case UNION:
                return type.parameters().stream().anyMatch(member -> accepts(member, value));
            default:
                return true;
        }
    }
}
