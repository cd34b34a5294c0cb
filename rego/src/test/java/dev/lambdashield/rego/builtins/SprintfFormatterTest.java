package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SprintfFormatterTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // strings and the Rego text of composites
                Arguments.of("hi %s", "[\"there\"]", "hi there"),
                Arguments.of("hi %v", "[[\"there\", 5, 3.14]]", "hi [\"there\", 5, 3.14]"),
                Arguments.of("%v", "[{\"Runtime\": \"python3.8\", \"Layers\": [{\"Arn\": \"x\"}], \"n\": null}]",
                        "{\"Layers\": [{\"Arn\": \"x\"}], \"Runtime\": \"python3.8\", \"n\": null}"),
                Arguments.of("%v", "[[1.50, 2, 1e6, \"tab\\there\", \"\\u0001\"]]", "[1.50, 2, 1e6, \"tab\\there\", \"\\x01\"]"),
                Arguments.of("function %q uses runtime %s", "[\"orders\", \"nodejs12.x\"]",
                        "function \"orders\" uses runtime nodejs12.x"),
                Arguments.of("%s", "[true]", "true"),
                Arguments.of("%t", "[true]", "%!t(string=true)"),
                Arguments.of("%-6s|%6s|", "[\"ab\", \"cd\"]", "ab    |    cd|"),
                Arguments.of("%.2s", "[\"abcdef\"]", "ab"),
                Arguments.of("%x", "[\"hi\"]", "6869"),
                // integers
                Arguments.of("hi %02d", "[5]", "hi 05"),
                Arguments.of("hi %02X.%02X", "[127, 1]", "hi 7F.01"),
                Arguments.of("%d %v %+d % d", "[-7, 42, 3, 4]", "-7 42 +3  4"),
                Arguments.of("%05d|%-5d|%5d", "[-42, 42, 42]", "-0042|42   |   42"),
                Arguments.of("%b %o %#x %#o %x", "[5, 8, 255, 8, -255]", "101 10 0xff 010 -ff"),
                Arguments.of("%s", "[5]", "%!s(int=5)"),
                Arguments.of("%s", "[123456789123456789123]", "123456789123456789123"),
                Arguments.of("%d", "[1208925819614629174706175]", "1208925819614629174706175"),
                Arguments.of("%c%c", "[72, 105]", "Hi"),
                Arguments.of("%U", "[65]", "U+0041"),
                // floats
                Arguments.of("hi %.2f", "[3.1415]", "hi 3.14"),
                Arguments.of("%f", "[2.5]", "2.500000"),
                Arguments.of("%v %v %v", "[0.1, 1.5, 100.25]", "0.1 1.5 100.25"),
                Arguments.of("%v", "[1000000.5]", "1.0000005e+06"),
                Arguments.of("%v", "[123456.5]", "123456.5"),
                Arguments.of("%v", "[0.00001]", "1e-05"),
                Arguments.of("%v", "[2.82879384806159E17]", "2.82879384806159e+17"),
                Arguments.of("%v", "[5e-324]", "5e-324"),
                Arguments.of("%e", "[1234.5678]", "1.234568e+03"),
                Arguments.of("%.3g", "[1234.5678]", "1.23e+03"),
                Arguments.of("%g", "[0.000123]", "0.000123"),
                Arguments.of("%8.3f|%-8.2f|%08.3f", "[3.14159, 2.5, -3.14159]", "   3.142|2.50    |-003.142"),
                Arguments.of("%d", "[3.5]", "%!d(float64=3.5)"),
                Arguments.of("%v", "[1.0]", "1"),
                Arguments.of("hi %v", "[2e308]", "hi 2e308"),
                // directives and argument errors
                Arguments.of("100%%", "[]", "100%"),
                Arguments.of("%s %s", "[\"a\"]", "a %!s(MISSING)"),
                Arguments.of("%s", "[\"a\", 1]", "a%!(EXTRA int=1)"),
                Arguments.of("%[2]s %[1]s", "[\"a\", \"b\"]", "b a"),
                Arguments.of("%T %T %T", "[1, 1.5, \"x\"]", "int float64 string"),
                Arguments.of("%*d", "[5, 42]", "   42"),
                Arguments.of("%z", "[1]", "%!z(int=1)"),
                Arguments.of("end %", "[]", "end %!(NOVERB)"));
    }

    @ParameterizedTest(name = "sprintf({0}, {1})")
    @MethodSource("cases")
    void formatsLikeGo(String format, String values, String expected) {
        assertEquals(StringValue.of(expected), call("sprintf", s(format), v(values)));
    }

    @org.junit.jupiter.api.Test
    void setsPrintInRegoForm() {
        Value values = ArrayValue.of(SetValue.of(v("1"), v("2")), SetValue.EMPTY);
        assertEquals(StringValue.of("{1, 2} set()"), call("sprintf", s("%v %v"), values));
    }
}
