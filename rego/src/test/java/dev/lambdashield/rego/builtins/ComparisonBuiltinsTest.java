package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.value.BooleanValue;

import org.junit.jupiter.api.Test;

class ComparisonBuiltinsTest {

    @Test
    void numbersCompareByValue() {
        assertEquals(BooleanValue.TRUE, call("equal", v("1"), v("1.0")));
        assertEquals(BooleanValue.TRUE, call("equal", v("{\"x\": [1, 2, {\"b\": 3.0}]}"), v("{\"x\": [1, 2, {\"b\": 3}]}")));
        assertEquals(BooleanValue.TRUE, call("neq", v("28857836529306024611913"), v("28857836529306024611912")));
        assertEquals(BooleanValue.TRUE, call("eq", v("[1]"), v("[1.0]")));
        assertEquals(BooleanValue.FALSE, call("assign", v("1"), v("2")));
    }

    @Test
    void orderingAcrossTypes() {
        assertEquals(BooleanValue.TRUE, call("lt", v("null"), v("false")));
        assertEquals(BooleanValue.TRUE, call("lt", v("false"), v("0")));
        assertEquals(BooleanValue.TRUE, call("lt", v("0"), s("")));
        assertEquals(BooleanValue.TRUE, call("gt", s("b"), s("a")));
        assertEquals(BooleanValue.TRUE, call("gte", v("1"), v("1.0")));
        assertEquals(BooleanValue.FALSE, call("lte", v("2"), v("1")));
        assertEquals(BooleanValue.TRUE, call("lt", s("2023-01-01T00:00:00Z"), s("2024-06-30T00:00:00Z")));
    }

    @Test
    void membership() {
        assertEquals(BooleanValue.TRUE, call("internal.member_2", v("1"), set("[1]")));
        assertEquals(BooleanValue.TRUE, call("internal.member_2", v("1"), v("{\"foo\": 1}")));
        assertEquals(BooleanValue.TRUE, call("internal.member_2", v("{\"a\": 1}"), v("[{\"a\": 1.0}]")));
        assertEquals(BooleanValue.FALSE, call("internal.member_2", v("1"), s("foo")));
        assertEquals(BooleanValue.TRUE, call("internal.member_3", s("foo"), v("1"), v("{\"foo\": 1}")));
        assertEquals(BooleanValue.TRUE, call("internal.member_3", v("1"), s("two"), v("[\"one\", \"two\"]")));
        assertEquals(BooleanValue.FALSE, call("internal.member_3", v("5"), s("two"), v("[\"one\", \"two\"]")));
        assertEquals(BooleanValue.FALSE, call("internal.member_3", v("1"), s("foo"), v("1")));
    }
}
