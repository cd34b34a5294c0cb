package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdashield.rego.errors.ErrorCode;

import org.junit.jupiter.api.Test;

class AggregateBuiltinsTest {

    @Test
    void countOfEachCollection() {
        assertResult("5", "count", s("abcde"));
        assertResult("3", "count", s("åäö"));
        assertResult("1", "count", s("😀"));
        assertResult("4", "count", v("[1, 2, 3, 4]"));
        assertResult("2", "count", v("{\"a\": 1, \"b\": 2}"));
        assertResult("3", "count", set("[1, 2, 3]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be one of {array, object, set, string} but got null", "count", v("null"));
    }

    @Test
    void sumAndProduct() {
        assertResult("10", "sum", v("[1, 2, 3, 4]"));
        assertResult("10", "sum", set("[1, 2, 3, 4]"));
        assertResult("0.6", "sum", v("[0.1, 0.2, 0.3]"));
        assertResult("0", "sum", v("[]"));
        assertResult("24", "product", v("[1, 2, 3, 4]"));
        assertResult("1", "product", set("[]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be array of numbers but got array containing string", "sum", v("[1, \"a\"]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be one of {set, array} but got object", "sum", v("{}"));
    }

    @Test
    void maxMinAndSort() {
        assertResult("4", "max", v("[1, 2, 3, 4]"));
        assertResult("-7", "min", v("[3, 2, 1, 4, 6, -7, 10]"));
        assertResult("\"b\"", "max", v("[1, \"a\", \"b\", null]"));
        assertNull(call("max", v("[]")));
        assertNull(call("min", set("[]")));
        assertResult("[1, 2, 3, 4]", "sort", set("[4, 3, 2, 1]"));
        assertResult("[null, false, 1, \"a\", [1], {\"a\": 1}]", "sort", v("[{\"a\": 1}, [1], \"a\", 1, false, null]"));
    }

    @Test
    void deprecatedAllAndAny() {
        assertResult("true", "all", v("[]"));
        assertResult("false", "all", v("[{}, \"\", true, true, 123]"));
        assertResult("true", "any", v("[true, {}, \"false\"]"));
        assertResult("false", "any", set("[]"));
    }
}
