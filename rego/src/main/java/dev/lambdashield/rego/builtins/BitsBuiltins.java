package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.util.List;
import java.util.function.BinaryOperator;

/** Bitwise operations on arbitrary-precision integers, in two's complement as Go's big.Int computes them. */
public final class BitsBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "bits";
    /** Shifts beyond this many bits would build numbers too large to hold. */
    private static final int MAX_SHIFT = 1 << 20;

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(binary("bits.and", "Returns the bitwise AND of x and y."), combine(BigInteger::and));
        registry.register(binary("bits.or", "Returns the bitwise OR of x and y."), combine(BigInteger::or));
        registry.register(binary("bits.xor", "Returns the bitwise XOR of x and y."), combine(BigInteger::xor));
        registry.register(function("bits.negate", CATEGORY, "Returns the bitwise negation (complement) of x.",
                Types.NUMBER, arg("x", Types.NUMBER)),
                (context, args) -> NumberValue.of(Operands.integer(args, 0).not()));
        registry.register(function("bits.lsh", CATEGORY, "Returns x shifted left by s bits.",
                Types.NUMBER, arg("x", Types.NUMBER), arg("s", Types.NUMBER)),
                (context, args) -> NumberValue.of(Operands.integer(args, 0).shiftLeft(shift(args))));
        registry.register(function("bits.rsh", CATEGORY, "Returns x shifted right by s bits (rounding towards minus infinity).",
                Types.NUMBER, arg("x", Types.NUMBER), arg("s", Types.NUMBER)),
                (context, args) -> NumberValue.of(Operands.integer(args, 0).shiftRight(shift(args))));
    }

    private static BuiltinDecl binary(String name, String description) {
        return function(name, CATEGORY, description, Types.NUMBER, arg("x", Types.NUMBER), arg("y", Types.NUMBER));
    }

    private static BuiltinFunction combine(BinaryOperator<BigInteger> operation) {
        return (context, args) -> NumberValue.of(operation.apply(Operands.integer(args, 0), Operands.integer(args, 1)));
    }

    private static int shift(List<Value> args) {
        BigInteger amount = Operands.integer(args, 1);
        if (amount.signum() < 0) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE,
                    "operand 2 must be an unsigned integer number but got a negative integer", false);
        }
        if (amount.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0) {
            throw BuiltinException.failure("shift amount " + amount + " exceeds the limit of " + MAX_SHIFT + " bits");
        }
        return amount.intValue();
    }
}
