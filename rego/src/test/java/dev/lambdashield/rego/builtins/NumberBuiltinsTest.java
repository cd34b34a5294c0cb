package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.Value;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumberBuiltinsTest {

    static Stream<Arguments> arithmetic() {
        return Stream.of(
                // exact decimal arithmetic
                Arguments.of("plus", "0.1", "0.2", "0.3"),
                Arguments.of("plus", "1.5", "1.5", "3"),
                Arguments.of("plus", "49649733057", "1", "49649733058"),
                Arguments.of("minus", "28857836529306024611913", "1", "28857836529306024611912"),
                Arguments.of("mul", "123456789123456789123", "2", "246913578246913578246"),
                Arguments.of("mul", "0.1", "3", "0.3"),
                // division: exact when possible, else rounded to float64 precision
                Arguments.of("div", "6", "2", "3"),
                Arguments.of("div", "7", "2", "3.5"),
                Arguments.of("div", "1", "3", "0.3333333333333333"),
                Arguments.of("div", "2", "3", "0.6666666666666666"),
                Arguments.of("div", "-10", "4", "-2.5"),
                Arguments.of("div", "10", "3", "3.3333333333333335"),
                // remainder takes the dividend's sign
                Arguments.of("rem", "7", "4", "3"),
                Arguments.of("rem", "-7", "4", "-3"),
                Arguments.of("rem", "4.0", "3", "1"));
    }

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @MethodSource("arithmetic")
    void arithmeticResult(String name, String x, String y, String expected) {
        Value result = call(name, NumberValue.parse(x), NumberValue.parse(y));
        assertEquals(NumberValue.parse(expected), result);
        assertEquals(expected, result.toString());
    }

    @Test
    void hugeExponentsStayCompact() {
        Value sum = call("plus", v("1e1000000000"), v("1"));
        assertEquals(true, sum.toString().length() < 100, sum::toString);
        assertEquals(v("1e1000000000"), call("round", v("1e1000000000")));
        assertEquals(true, ((NumberValue) call("minus", v("1e-1000000000"), v("1"))).bigDecimal().signum() < 0);
    }

    @Test
    void divisionByZeroFails() {
        assertFails(ErrorCode.EVAL_BUILTIN, "divide by zero", "div", v("1"), v("0"));
        assertFails(ErrorCode.EVAL_BUILTIN, "modulo by zero", "rem", v("1"), v("0"));
        assertFails(ErrorCode.EVAL_BUILTIN, "modulo on floating-point number", "rem", v("1.1"), v("1"));
    }

    @Test
    void minusOnSetsAndTypeErrors() {
        assertEquals(set("[2, 4]"), call("minus", set("[1, 2, 3, 4]"), set("[1, 3]")));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be set but got number", "minus", set("[1]"), v("1"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be number but got set", "minus", v("1"), set("[1]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be one of {number, set} but got string", "minus", s("a"), v("1"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be number but got string", "plus", s("1"), v("1"));
    }

    @Test
    void roundingFunctions() {
        assertEquals(v("3"), call("round", v("2.5")));
        assertEquals(v("-3"), call("round", v("-2.5")));
        assertEquals(v("2"), call("round", v("2.4")));
        assertEquals(v("2"), call("ceil", v("1.01")));
        assertEquals(v("-1"), call("ceil", v("-1.99999")));
        assertEquals(v("99"), call("floor", v("99.99999")));
        assertEquals(v("-2"), call("floor", v("-1.001")));
        assertEquals(v("10"), call("abs", v("-10")));
        assertEquals("1", call("abs", v("-1.0")).toString());
    }

    @Test
    void rangeCountsBothWays() {
        assertEquals(v("[-2, -1, 0, 1, 2, 3]"), call("numbers.range", v("-2"), v("3")));
        assertEquals(v("[2, 1, 0, -1, -2, -3]"), call("numbers.range", v("2"), v("-3")));
        assertEquals(v("[5]"), call("numbers.range", v("5"), v("5")));
        assertEquals(v("[0, 3, 6, 9]"), call("numbers.range_step", v("0"), v("10"), v("3")));
        assertEquals(v("[10, 7, 4, 1]"), call("numbers.range_step", v("10"), v("0"), v("3")));
        assertEquals(v("[0]"), call("numbers.range_step", v("0"), v("10"), v("99999999999999999999")));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be integer number but got floating-point number",
                "numbers.range", v("1.5"), v("3"));
        assertFails(ErrorCode.EVAL_BUILTIN, "more than the limit", "numbers.range", v("0"), v("100000000000"));
        assertFails(ErrorCode.EVAL_BUILTIN, "step must be a positive integer",
                "numbers.range_step", v("1"), v("3"), v("0"));
    }

    @Test
    void randIntnStableWithinQuery() {
        Map<Object, Object> cache = new HashMap<>();
        Value first = call(cache, "rand.intn", s("key"), v("100"));
        for (int i = 0; i < 20; i++) {
            assertEquals(first, call(cache, "rand.intn", s("key"), v("100")));
        }
        NumberValue n = (NumberValue) first;
        assertEquals(true, n.bigDecimal().intValue() >= 0 && n.bigDecimal().intValue() < 100);
        assertEquals(v("0"), call(cache, "rand.intn", s("key"), v("0")));
        assertEquals(first, call(cache, "rand.intn", s("key"), v("-100")));
    }
}
