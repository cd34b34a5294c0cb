package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TypeAndConversionBuiltinsTest {

    @Test
    void typeNamesAndPredicates() {
        Map<String, Value> samples = Map.of("null", v("null"), "boolean", v("true"), "number", v("1.5"),
                "string", s("x"), "array", v("[]"), "object", v("{}"), "set", set("[1]"));
        for (Map.Entry<String, Value> sample : samples.entrySet()) {
            assertEquals(s(sample.getKey()), call("type_name", sample.getValue()));
            for (String type : samples.keySet()) {
                assertEquals(BooleanValue.of(type.equals(sample.getKey())), call("is_" + type, sample.getValue()),
                        "is_" + type + " of " + sample.getKey());
            }
        }
    }

    @Test
    void toNumberConversions() {
        assertResult("-42", "to_number", s("-42.0"));
        assertResult("0", "to_number", v("false"));
        assertResult("1", "to_number", v("true"));
        assertResult("0", "to_number", v("null"));
        assertResult("100.1", "to_number", v("100.1"));
        assertResult("0.5", "to_number", s(".5"));
        assertResult("1000", "to_number", s("1e3"));
        for (String bad : List.of("broken", "", " 1", "1_000", "Inf", "NaN", "0x10")) {
            assertFails(ErrorCode.EVAL_BUILTIN, "invalid syntax", "to_number", s(bad));
        }
    }

    @Test
    void deprecatedCasts() {
        assertResult("[1, 2, 3]", "cast_array", v("[1, 2, 3]"));
        assertResult("[1, 2]", "cast_array", set("[2, 1]"));
        assertEquals(set("[1]"), call("cast_set", v("[1, 1, 1]")));
        assertResult("null", "cast_null", v("null"));
        assertResult("false", "cast_boolean", v("false"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be one of {array, set} but got string", "cast_array", s("hello"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be string but got array", "cast_string", v("[1]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be object but got array", "cast_object", v("[1]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be null but got object", "cast_null", v("{}"));
    }
}
