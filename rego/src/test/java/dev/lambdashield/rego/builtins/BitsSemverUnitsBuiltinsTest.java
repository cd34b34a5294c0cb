package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.NumberValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BitsSemverUnitsBuiltinsTest {

    @Test
    void bitwiseOperations() {
        assertResult("1", "bits.and", v("7"), v("9"));
        assertResult("15", "bits.or", v("7"), v("9"));
        assertResult("41", "bits.xor", v("42"), v("3"));
        assertResult("-43", "bits.negate", v("42"));
        assertResult("4294967294", "bits.lsh", v("2147483647"), v("1"));
        assertResult("1", "bits.rsh", v("8"), v("3"));
        assertResult("-1", "bits.rsh", v("-1"), v("5"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be integer number but got floating-point number", "bits.and", v("7.2"), v("42"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be an unsigned integer number but got a negative integer",
                "bits.lsh", v("7"), v("-1"));
    }

    @Test
    void semverValidityAndOrder() {
        assertResult("true", "semver.is_valid", s("1.0.0-alpha.1+build.5"));
        assertResult("false", "semver.is_valid", s("1"));
        assertResult("false", "semver.is_valid", s("01.0.0"));
        assertResult("false", "semver.is_valid", v("1"));
        assertResult("-1", "semver.compare", s("1.0.0"), s("2.0.0"));
        assertResult("1", "semver.compare", s("1.10.0"), s("1.9.0"));
        assertResult("0", "semver.compare", s("1.0.0+a"), s("1.0.0+b"));
        assertResult("-1", "semver.compare", s("1.0.0-alpha"), s("1.0.0"));
        assertResult("-1", "semver.compare", s("1.0.0-alpha.1"), s("1.0.0-alpha.beta"));
        assertResult("-1", "semver.compare", s("1.0.0-beta.2"), s("1.0.0-beta.11"));
        assertFails(ErrorCode.EVAL_BUILTIN, "operand 1: string \"1\" is not a valid SemVer", "semver.compare", s("1"), s("1.0.0"));
    }

    static Stream<Arguments> units() {
        return Stream.of(
                Arguments.of("units.parse", "10K", "10000"),
                Arguments.of("units.parse", "10KI", "10240"),
                Arguments.of("units.parse", "1.1Ki", "1126.4"),
                Arguments.of("units.parse", "100m", "0.1"),
                Arguments.of("units.parse", "100M", "100000000"),
                Arguments.of("units.parse", "10e", "10000000000000000000"),
                Arguments.of("units.parse", "\"100TI\"", "109951162777600"),
                Arguments.of("units.parse", ".5K", "500"),
                Arguments.of("units.parse_bytes", "10KB", "10000"),
                Arguments.of("units.parse_bytes", "10Kib", "10240"),
                Arguments.of("units.parse_bytes", "1.1KiB", "1126"),
                Arguments.of("units.parse_bytes", "128Gi", "137438953472"),
                Arguments.of("units.parse_bytes", "10eib", "11529215046068469760"),
                Arguments.of("units.parse_bytes", "0.0", "0"));
    }

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @MethodSource("units")
    void unitsParse(String name, String text, String expected) {
        assertEquals(NumberValue.parse(expected), call(name, s(text)));
        assertEquals(expected, call(name, s(text)).toString());
    }

    @Test
    void unitsFailures() {
        assertFails(ErrorCode.EVAL_BUILTIN, "no amount provided", "units.parse", s("G"));
        assertFails(ErrorCode.EVAL_BUILTIN, "could not parse amount to a number", "units.parse", s("0.0.0"));
        assertFails(ErrorCode.EVAL_BUILTIN, "spaces not allowed in resource strings", "units.parse", s("100 k"));
        assertFails(ErrorCode.EVAL_BUILTIN, "no byte amount provided", "units.parse_bytes", s(""));
        assertFails(ErrorCode.EVAL_BUILTIN, "could not parse byte amount to a number", "units.parse_bytes", s(".5.2"));
        assertFails(ErrorCode.EVAL_BUILTIN, "byte unit yb not recognized", "units.parse_bytes", s("5yb"));
    }
}
