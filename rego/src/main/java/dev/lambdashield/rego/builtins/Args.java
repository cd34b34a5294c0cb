package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.util.List;

/**
 * Typed access to built-in arguments. A wrong type raises {@code eval_type_error} naming the
 * 1-based operand, as OPA's messages do; the evaluator prefixes the built-in's name.
 */
public final class Args {

    private Args() {
    }

    public static String string(List<Value> args, int index) {
        Value value = args.get(index);
        if (value instanceof StringValue s) {
            return s.value();
        }
        throw BuiltinException.operandType(index + 1, "string", value.typeName());
    }

    public static NumberValue number(List<Value> args, int index) {
        Value value = args.get(index);
        if (value instanceof NumberValue n) {
            return n;
        }
        throw BuiltinException.operandType(index + 1, "number", value.typeName());
    }

    /** Returns an integral number as a BigInteger; a fraction is an {@code eval_type_error}. */
    public static BigInteger integer(List<Value> args, int index) {
        NumberValue number = number(args, index);
        return number.bigInteger().orElseThrow(() ->
                BuiltinException.operandType(index + 1, "integer", "floating-point number"));
    }

    /** Returns an integral number that fits an int; otherwise an {@code eval_type_error}. */
    public static int intValue(List<Value> args, int index) {
        NumberValue number = number(args, index);
        return number.intValue().orElseThrow(() ->
                BuiltinException.operandType(index + 1, "integer", number.isInteger() ? "a number out of range" : "floating-point number"));
    }

    public static boolean bool(List<Value> args, int index) {
        Value value = args.get(index);
        if (value instanceof BooleanValue b) {
            return b.value();
        }
        throw BuiltinException.operandType(index + 1, "boolean", value.typeName());
    }

    public static ArrayValue array(List<Value> args, int index) {
        Value value = args.get(index);
        if (value instanceof ArrayValue a) {
            return a;
        }
        throw BuiltinException.operandType(index + 1, "array", value.typeName());
    }

    public static SetValue set(List<Value> args, int index) {
        Value value = args.get(index);
        if (value instanceof SetValue s) {
            return s;
        }
        throw BuiltinException.operandType(index + 1, "set", value.typeName());
    }

    public static ObjectValue object(List<Value> args, int index) {
        Value value = args.get(index);
        if (value instanceof ObjectValue o) {
            return o;
        }
        throw BuiltinException.operandType(index + 1, "object", value.typeName());
    }

    /** Raises the {@code eval_type_error} for an operand that is none of {@code expectedTypes}. */
    public static BuiltinException wrongType(List<Value> args, int index, String... expectedTypes) {
        String expected = expectedTypes.length == 1
                ? expectedTypes[0]
                : "one of {" + String.join(", ", expectedTypes) + "}";
        return BuiltinException.operandType(index + 1, expected, args.get(index).typeName());
    }
}
