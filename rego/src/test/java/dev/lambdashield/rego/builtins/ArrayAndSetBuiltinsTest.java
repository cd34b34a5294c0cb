package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.SetValue;

import org.junit.jupiter.api.Test;

class ArrayAndSetBuiltinsTest {

    @Test
    void arrayConcatAndReverse() {
        assertResult("[1, 2, 3, 4]", "array.concat", v("[1, 2]"), v("[3, 4]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be array but got object", "array.concat", v("[1]"), v("{}"));
        assertResult("[3, 2, 1]", "array.reverse", v("[1, 2, 3]"));
        assertResult("[]", "array.reverse", v("[]"));
    }

    @Test
    void arrayFlattenOneLevel() {
        assertResult("[1, 2, 3, 4, 5]", "array.flatten", v("[[1, 2], [3, 4], [5]]"));
        assertResult("[[1], [2, 3, []], [4, 5]]", "array.flatten", v("[[[1], [2, 3, []]], [[4, 5]]]"));
        assertResult("[1, \"s\", {\"a\": \"b\"}, 4.5, [7]]", "array.flatten", v("[[1], \"s\", [{\"a\": \"b\"}], 4.5, [[7]]]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be array but got number", "array.flatten", v("42"));
    }

    @Test
    void arraySliceClampsIndexes() {
        assertResult("[2, 3]", "array.slice", v("[1, 2, 3, 4, 5]"), v("1"), v("3"));
        assertResult("[]", "array.slice", v("[1, 2, 3, 4, 5]"), v("-4"), v("-1"));
        assertResult("[]", "array.slice", v("[1, 2, 3, 4, 5]"), v("4"), v("1"));
        assertResult("[1, 2]", "array.slice", v("[1, 2, 3, 4, 5]"), v("-1"), v("2"));
        assertResult("[4, 5]", "array.slice", v("[1, 2, 3, 4, 5]"), v("3"), v("6"));
        assertResult("[]", "array.slice", v("[1, 2, 3]"), v("1000"), v("2000"));
    }

    @Test
    void setOperators() {
        assertEquals(set("[2, 3]"), call("and", set("[1, 2, 3]"), set("[2, 3, 4]")));
        assertEquals(set("[1, 2, 3, 4]"), call("or", set("[1, 2, 3]"), set("[2, 3, 4]")));
        assertEquals(set("[1]"), call("set_diff", set("[1, 2, 3]"), set("[2, 3]")));
        assertEquals(SetValue.EMPTY, call("intersection", SetValue.EMPTY));
        assertEquals(set("[\"d\"]"), call("intersection", SetValue.of(set("[\"a\", \"d\"]"), set("[\"d\"]"), set("[\"c\", \"d\"]"))));
        assertEquals(set("[1, 2, 3, 4]"), call("union", SetValue.of(set("[1, 2]"), set("[3]"), set("[4, 1]"))));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be set of sets but got set containing number", "union", set("[1]"));
    }
}
