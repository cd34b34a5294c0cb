package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.ObjectValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ObjectBuiltinsTest {

    private static final String LAMBDA_CONFIG = """
            {"FunctionName": "orders", "Runtime": "python3.8",
             "VpcConfig": {"SubnetIds": ["subnet-1"], "SecurityGroupIds": []},
             "Environment": {"Variables": {"STAGE": "prod"}},
             "Layers": [{"Arn": "arn:aws:lambda:eu-west-1:123456789012:layer:common:3"}]}""";

    @Test
    void getByKeyAndPath() {
        assertResult("\"b\"", "object.get", v("{\"a\": \"b\"}"), s("a"), s("c"));
        assertResult("3", "object.get", v("{\"1\": 2}"), v("2"), v("3"));
        assertResult("\"prod\"", "object.get", v(LAMBDA_CONFIG), v("[\"Environment\", \"Variables\", \"STAGE\"]"), s("none"));
        assertResult("\"none\"", "object.get", v(LAMBDA_CONFIG), v("[\"Environment\", \"Variables\", \"DEBUG\"]"), s("none"));
        assertResult("\"arn:aws:lambda:eu-west-1:123456789012:layer:common:3\"", "object.get", v(LAMBDA_CONFIG),
                v("[\"Layers\", 0, \"Arn\"]"), v("null"));
        assertResult("2", "object.get", v("{\"a\": {\"b\": [1, 2, 3]}}"), v("[\"a\", \"b\", \"a\"]"), v("2"));
        assertResult("{\"a\": 1}", "object.get", v("{\"a\": 1}"), v("[]"), v("2"));
        assertResult("\"x\"", "object.get", ObjectValue.of(Map.of(s("tags"), set("[\"x\"]"))), v("[\"tags\", \"x\"]"), v("2"));
        assertResult("2", "object.get", ObjectValue.of(Map.of(s("tags"), set("[\"x\"]"))), v("[\"tags\", \"y\"]"), v("2"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be object but got string", "object.get", s("x"), v("[\"a\"]"), v("2"));
    }

    @Test
    void getWithNonStringPathKeys() {
        ArrayValue key = (ArrayValue) v("[1, 2, 3]");
        ObjectValue inner = ObjectValue.of(Map.of(s("b"), ObjectValue.of(Map.of(key, v("1")))));
        ObjectValue outer = ObjectValue.of(Map.of(v("1"), inner));
        assertEquals(v("1"), call("object.get", outer, ArrayValue.of(v("1"), s("b"), key), v("2")));
    }

    @Test
    void keysRemoveFilter() {
        assertEquals(set("[\"a\", \"b\"]"), call("object.keys", v("{\"a\": 1, \"b\": 2}")));
        assertResult("{\"a\": 1}", "object.remove", v("{\"a\": 1, \"b\": {\"c\": 3}, \"d\": 4}"), v("[\"d\", \"b\"]"));
        assertResult("{\"a\": 1}", "object.remove", v("{\"a\": 1, \"b\": 2}"), v("{\"b\": \"ignored\"}"));
        assertResult("{\"a\": 1, \"e\": 9}", "object.filter", v("{\"a\": 1, \"b\": 2, \"c\": 3, \"e\": 9}"), set("[\"a\", \"e\"]"));
        assertResult("{}", "object.filter", v("{\"a\": 7}"), v("[]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {object, set, array} but got null",
                "object.filter", v("{\"a\": 1}"), v("null"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be object but got boolean", "object.remove", v("true"), set("[\"a\"]"));
    }

    @Test
    void unionMergesRecursively() {
        assertResult("{\"a\": {\"b\": \"foo\", \"b1\": \"bar\"}, \"d\": 7, \"e\": 17}", "object.union",
                v("{\"a\": {\"b\": {\"c\": 1}}, \"e\": 1}"), v("{\"a\": {\"b\": \"foo\", \"b1\": \"bar\"}, \"d\": 7, \"e\": 17}"));
        assertResult("{\"a\": {\"x\": 1, \"y\": 2}}", "object.union", v("{\"a\": {\"x\": 1}}"), v("{\"a\": {\"y\": 2}}"));
        assertResult("{\"a\": \"final\", \"b\": 2, \"c\": 3}", "object.union_n",
                v("[{\"a\": 1, \"b\": 2}, {\"a\": \"a\", \"c\": 3}, {\"a\": \"final\"}]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be array of objects but got array containing string",
                "object.union_n", v("[{\"foo\": 1}, \"baz\"]"));
    }

    @Test
    void subsetRules() {
        assertEquals(BooleanValue.TRUE, call("object.subset", v("{\"a\": 5, \"n\": {\"x\": 1, \"y\": [6, 7, 8]}}"),
                v("{\"n\": {\"y\": [7, 8]}}")));
        assertEquals(BooleanValue.FALSE, call("object.subset", v("{\"a\": 5, \"b\": 7}"), v("{\"a\": 5, \"b\": 10}")));
        assertEquals(BooleanValue.TRUE, call("object.subset", set("[1, 2, 3]"), set("[3, 2]")));
        assertEquals(BooleanValue.TRUE, call("object.subset", v("[1, 2, 3, 4, 5, 6]"), v("[3, 4, 5]")));
        assertEquals(BooleanValue.FALSE, call("object.subset", v("[1, 2, 3, 4, 5, 6]"), v("[3, 5]")));
        assertEquals(BooleanValue.TRUE, call("object.subset", v("[1, 2, 3, 4, 5, 6]"), set("[4, 3, 2]")));
        assertEquals(BooleanValue.FALSE, call("object.subset", set("[4, 3, 2]"), v("[1, 2]")));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {object, set, array} but got number",
                "object.subset", v("{}"), v("1"));
    }
}
