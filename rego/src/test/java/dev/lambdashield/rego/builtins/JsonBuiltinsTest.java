package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBuiltinsTest {

    private static final String DOC = "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}";

    @Test
    void filterKeepsPaths() {
        assertResult("{\"a\": {\"b\": {\"c\": 7}}}", "json.filter", v(DOC), set("[\"a/b/c\"]"));
        assertResult("{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}", "json.filter", v(DOC), v("[\"a/b/c\", \"e\"]"));
        assertResult("{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}", "json.filter", v(DOC), set("[[\"a\", \"b\", \"c\"], [\"e\"]]"));
        assertResult("{\"a\": [{\"b\": 7}, {\"d\": 9}]}", "json.filter", v("{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}"),
                set("[\"a/0/b\", \"a/1\"]"));
        assertResult("{\"a\": [{\"1\": [\"d\"]}]}", "json.filter", v("{\"a\": [{\"1\": [\"b\", \"c\", \"d\"]}, {\"x\": \"y\"}]}"),
                set("[\"a/0/1/2\"]"));
        assertResult("{}", "json.filter", v("{\"a\": 7}"), SetValue.EMPTY);
    }

    @Test
    void removeDropsPaths() {
        assertResult("{\"a\": {\"b\": {\"d\": 8}}}", "json.remove", v(DOC), set("[\"a/b/c\", \"e\"]"));
        assertResult("{\"c\": 1}", "json.remove", v("{\"a\": {\"b\": 7}, \"c\": 1}"), set("[\"a\", \"a/b\"]"));
        assertResult("{\"a\": [{\"c\": 8}]}", "json.remove", v("{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}"), set("[\"a/0/b\", \"a/1\"]"));
        assertResult("{\"a\": {\"b\": {\"x\": 0}}, \"e\": 9}", "json.remove", v("{\"a\": {\"b\": {\"c\": 7, \"d\": 8, \"x\": 0}}, \"e\": 9}"),
                set("[\"a/b/d\", [\"a\", \"b\", \"c\"]]"));
        assertResult("{}", "json.remove", v("{}"), set("[\"a/b\"]"));
    }

    @Test
    void filterAndRemoveRejectBadOperands() {
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be object but got array", "json.remove", v("[]"), set("[\"a\"]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {set, array} but got string", "json.remove", v("{}"), s("a"));
        assertFails(ErrorCode.EVAL_TYPE,
                "operand 2 must be one of {set, array} containing string paths or array of path segments but got number",
                "json.remove", v("{}"), set("[1]"));
        assertFails(ErrorCode.EVAL_TYPE,
                "operand 2 must be one of {set, array} containing string paths or array of path segments but got object",
                "json.filter", v("{}"), v("[{}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"foo\": \"bar\"} | [{\"op\": \"add\", \"path\": \"/baz\", \"value\": \"qux\"}] | {\"baz\": \"qux\", \"foo\": \"bar\"}",
        "{\"foo\": [\"bar\", \"baz\"]} | [{\"op\": \"add\", \"path\": \"/foo/1\", \"value\": \"qux\"}] | {\"foo\": [\"bar\", \"qux\", \"baz\"]}",
        "{\"foo\": [\"bar\"]} | [{\"op\": \"add\", \"path\": \"/foo/-\", \"value\": [\"abc\"]}] | {\"foo\": [\"bar\", [\"abc\"]]}",
        "{\"baz\": \"qux\", \"foo\": \"bar\"} | [{\"op\": \"remove\", \"path\": \"/baz\"}] | {\"foo\": \"bar\"}",
        "{\"baz\": \"qux\"} | [{\"op\": \"replace\", \"path\": \"/baz\", \"value\": \"boo\"}] | {\"baz\": \"boo\"}",
        "{\"foo\": {\"waldo\": \"fred\"}, \"qux\": {}} | [{\"op\": \"move\", \"from\": \"/foo/waldo\", \"path\": \"/qux/thud\"}] | {\"foo\": {}, \"qux\": {\"thud\": \"fred\"}}",
        "{\"foo\": [\"all\", \"grass\", \"cows\", \"eat\"]} | [{\"op\": \"move\", \"from\": \"/foo/1\", \"path\": \"/foo/3\"}] | {\"foo\": [\"all\", \"cows\", \"eat\", \"grass\"]}",
        "{\"foo\": null} | [{\"op\": \"copy\", \"from\": \"/foo\", \"path\": \"/bar\"}] | {\"foo\": null, \"bar\": null}",
        "{\"/\": 9, \"~1\": 10} | [{\"op\": \"test\", \"path\": \"/~01\", \"value\": 10}] | {\"/\": 9, \"~1\": 10}",
        "{\"foo\": \"bar\"} | [{\"op\": \"replace\", \"path\": \"\", \"value\": {\"baz\": \"qux\"}}] | {\"baz\": \"qux\"}",
        "{} | [{\"op\": \"add\", \"path\": \"/\", \"value\": 1}] | {\"\": 1}",
    })
    void patchAppliesOperations(String doc, String patch, String expected) {
        assertEquals(v(expected), call("json.patch", v(doc), v(patch)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"q\": {\"bar\": 2}} | [{\"op\": \"add\", \"path\": \"/a/b\", \"value\": 1}]",
        "{\"baz\": \"qux\"} | [{\"op\": \"test\", \"path\": \"/baz\", \"value\": \"bar\"}]",
        "{\"bar\": [1, 2]} | [{\"op\": \"add\", \"path\": \"/bar/8\", \"value\": \"5\"}]",
        "[\"foo\", \"bar\"] | [{\"op\": \"test\", \"path\": \"/01\", \"value\": \"bar\"}]",
        "[1, 2, 3, 4] | [{\"op\": \"remove\", \"path\": \"/1e0\"}]",
        "{\"foo\": 1} | [{\"op\": \"spam\", \"path\": \"/foo\", \"value\": 1}]",
        "[1] | [{\"op\": \"add\", \"path\": \"/-\"}]",
        "{\"foo\": 1} | [{\"op\": \"copy\", \"from\": \"/bar\", \"path\": \"/foo\"}]",
        "{\"foo\": \"bar\"} | [{\"op\": \"remove\", \"path\": \"/missing1/missing2\"}]",
        "[1, 2, 3] | [{\"op\": \"add\", \"path\": \"1.2\", \"value\": \"foo\"}]",
    })
    void patchFailureIsUndefined(String doc, String patch) {
        assertNull(call("json.patch", v(doc), v(patch)));
    }

    @Test
    void patchAddressesSetElements() {
        ObjectValue doc = ObjectValue.builder().put("foo", set("[\"a\", \"b\", \"c\"]")).build();
        Value removed = call("json.patch", doc, v("[{\"op\": \"remove\", \"path\": \"foo/b\"}]"));
        assertEquals(set("[\"a\", \"c\"]"), ((ObjectValue) removed).get("foo"));
        Value added = call("json.patch", doc, v("[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"d\"}]"));
        assertEquals(set("[\"a\", \"b\", \"c\", \"d\"]"), ((ObjectValue) added).get("foo"));
        assertNull(call("json.patch", doc, v("[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"e\"}]")));
        SetValue nested = SetValue.of(v("[1]"));
        assertEquals(SetValue.of(v("[1, 2]")), call("json.patch", nested, v("[{\"op\": \"add\", \"path\": [[1], 1], \"value\": 2}]")));
    }

    private static final String SCHEMA = "{\"type\": \"object\", \"required\": [\"FunctionName\", \"Runtime\"],"
            + " \"properties\": {\"FunctionName\": {\"type\": \"string\", \"minLength\": 1},"
            + " \"Runtime\": {\"enum\": [\"python3.12\", \"nodejs20.x\"]},"
            + " \"Timeout\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 900},"
            + " \"Layers\": {\"type\": \"array\", \"items\": {\"type\": \"string\", \"pattern\": \"^arn:aws:lambda:\"}}},"
            + " \"additionalProperties\": false}";

    @Test
    void verifySchema() {
        assertEquals(ArrayValue.of(BooleanValue.TRUE, NullValue.INSTANCE), call("json.verify_schema", s(SCHEMA)));
        assertEquals(ArrayValue.of(BooleanValue.TRUE, NullValue.INSTANCE), call("json.verify_schema", v(SCHEMA)));
        ArrayValue badType = (ArrayValue) call("json.verify_schema", v("{\"type\": \"text\"}"));
        assertEquals(BooleanValue.FALSE, badType.get(0));
        ArrayValue notJson = (ArrayValue) call("json.verify_schema", s("{"));
        assertEquals(BooleanValue.FALSE, notJson.get(0));
    }

    @Test
    void matchSchemaReportsViolations() {
        Value good = v("{\"FunctionName\": \"orders\", \"Runtime\": \"python3.12\", \"Timeout\": 30,"
                + " \"Layers\": [\"arn:aws:lambda:eu-west-1:1:layer:x:1\"]}");
        assertEquals(ArrayValue.of(BooleanValue.TRUE, ArrayValue.EMPTY), call("json.match_schema", good, s(SCHEMA)));

        Value bad = v("{\"FunctionName\": \"\", \"Runtime\": \"python2.7\", \"Timeout\": 1000, \"Layers\": [\"x\"], \"Extra\": 1}");
        ArrayValue result = (ArrayValue) call("json.match_schema", bad, v(SCHEMA));
        assertEquals(BooleanValue.FALSE, result.get(0));
        ArrayValue errors = (ArrayValue) result.get(1);
        assertEquals(5, errors.size(), errors::toString);
        assertEquals(v("{\"error\": \"Timeout: Must be less than or equal to 900\", \"type\": \"number_lte\","
                + " \"field\": \"Timeout\", \"desc\": \"Must be less than or equal to 900\"}"), findField(errors, "Timeout"));
        assertEquals("Invalid type. Expected: string, given: integer",
                ((ObjectValue) ((ArrayValue) ((ArrayValue) call("json.match_schema", v("{\"FunctionName\": 1, \"Runtime\": \"nodejs20.x\"}"),
                        v(SCHEMA))).get(1)).get(0)).get("desc").toString().replace("\"", ""));
    }

    @Test
    void matchSchemaFollowsReferencesAndCombinators() {
        String schema = "{\"definitions\": {\"arn\": {\"type\": \"string\", \"pattern\": \"^arn:\"}},"
                + " \"type\": \"array\", \"items\": {\"anyOf\": [{\"$ref\": \"#/definitions/arn\"}, {\"const\": \"*\"}]}}";
        assertEquals(BooleanValue.TRUE, ((ArrayValue) call("json.match_schema", v("[\"arn:aws:s3:::b\", \"*\"]"), s(schema))).get(0));
        assertEquals(BooleanValue.FALSE, ((ArrayValue) call("json.match_schema", v("[\"s3\"]"), s(schema))).get(0));
    }

    private static Value findField(ArrayValue errors, String field) {
        for (Value error : errors.elements()) {
            if (((ObjectValue) error).get("field").equals(BuiltinCalls.s(field))) {
                return error;
            }
        }
        throw new AssertionError("no error for field " + field + " in " + errors);
    }
}
