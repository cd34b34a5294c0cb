package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Operand checks and number helpers shared by the built-in families, with OPA's wording for
 * integer and element-type errors (for example "operand 1 must be integer number but got
 * floating-point number").
 */
final class Operands {

    /** Integral results with more digits than this keep their exponent form instead of being expanded. */
    private static final int MAX_EXPANDED_DIGITS = 10_000;

    private Operands() {
    }

    /** Returns an integral number operand; a fraction is an {@code eval_type_error} in OPA's words. */
    static BigInteger integer(List<Value> args, int index) {
        NumberValue number = Args.number(args, index);
        return number.bigInteger().orElseThrow(() -> notInteger(index));
    }

    /** Returns an integral number operand that fits an int. */
    static int smallInteger(List<Value> args, int index) {
        BigInteger value = integer(args, index);
        if (value.bitLength() > 31) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE,
                    "operand " + (index + 1) + " must be an integer number that fits 32 bits but got " + value, false);
        }
        return value.intValue();
    }

    static BuiltinException notInteger(int index) {
        return new BuiltinException(ErrorCode.EVAL_TYPE,
                "operand " + (index + 1) + " must be integer number but got floating-point number", false);
    }

    /**
     * Returns the error for a collection operand containing an element of the wrong type, as in
     * "operand 1 must be array of strings but got array containing number".
     */
    static BuiltinException elementType(int index, Value collection, Value element, String expected) {
        String type = collection.typeName();
        return BuiltinException.operandType(index + 1, type + " of " + expected + "s",
                type + " containing " + element.typeName());
    }

    /** Returns the elements of an array or set operand; other types raise an {@code eval_type_error} naming expected. */
    static List<Value> arrayOrSetElements(List<Value> args, int index, String... expected) {
        Value value = args.get(index);
        if (value instanceof ArrayValue a) {
            return a.elements();
        }
        if (value instanceof SetValue s) {
            return new ArrayList<>(s.elements());
        }
        throw Args.wrongType(args, index, expected);
    }

    /** Returns the strings of an array or set operand, rejecting any element that is not a string. */
    static List<String> stringElements(List<Value> args, int index) {
        Value collection = args.get(index);
        List<String> strings = new ArrayList<>();
        for (Value element : arrayOrSetElements(args, index, "set", "array")) {
            if (!(element instanceof StringValue s)) {
                throw elementType(index, collection, element, "string");
            }
            strings.add(s.value());
        }
        return strings;
    }

    /**
     * Creates a number in OPA's canonical form: an integral result becomes a plain integer (so
     * {@code 1.5 + 1.5} is {@code 3}, as OPA formats integral big floats without a fraction).
     */
    static NumberValue number(BigDecimal value) {
        if (value.signum() == 0) {
            return NumberValue.of(0);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0 && stripped.precision() - stripped.scale() <= MAX_EXPANDED_DIGITS) {
            stripped = stripped.setScale(0);
        }
        return NumberValue.of(stripped);
    }

    static NumberValue number(BigInteger value) {
        return NumberValue.of(value);
    }
}
