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
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingBuiltinsTest {

    /** A Lambda resource-based policy as GetPolicy returns it: a JSON document inside a string. */
    private static final String LAMBDA_POLICY = "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"s3-invoke\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\","
            + "\"Resource\":\"arn:aws:lambda:eu-west-1:123456789012:function:orders\",\"Condition\":{\"ArnLike\":"
            + "{\"AWS:SourceArn\":\"arn:aws:s3:::orders-bucket\"},\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\"}}},"
            + "{\"Sid\":\"public\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunctionUrl\","
            + "\"Resource\":\"arn:aws:lambda:eu-west-1:123456789012:function:orders\","
            + "\"Condition\":{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}}]}";

    @Test
    void unmarshalLambdaPolicyDocument() {
        ObjectValue policy = (ObjectValue) call("json.unmarshal", s(LAMBDA_POLICY));
        ArrayValue statements = (ArrayValue) policy.get("Statement");
        assertEquals(2, statements.size());
        ObjectValue publicStatement = (ObjectValue) statements.get(1);
        assertEquals(s("*"), publicStatement.get("Principal"));
        ObjectValue condition = (ObjectValue) ((ObjectValue) statements.get(0)).get("Condition");
        assertEquals(s("123456789012"), ((ObjectValue) condition.get("StringEquals")).get("AWS:SourceAccount"));
    }

    @Test
    void unmarshalKeepsBigNumbersExact() {
        assertResult("[12345678901234567890123, 0.1]", "json.unmarshal", s("[12345678901234567890123, 0.1]"));
    }

    @Test
    void unmarshalRejectsInvalidJson() {
        assertFails(ErrorCode.EVAL_BUILTIN, "invalid JSON", "json.unmarshal", s("{\"a\": "));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be string but got number", "json.unmarshal", v("1"));
    }

    @Test
    void marshalEscapesLikeGo() {
        assertResult("\"[{\\\"foo\\\":[1,2,3]}]\"", "json.marshal", ArrayValue.of(ObjectValue.builder().put("foo", set("[3, 1, 2]")).build()));
        assertEquals(s("\"\\u003ca\\u003e \\u0026\""), call("json.marshal", s("<a> &")));
        assertEquals(s("{\"a\":1,\"b\":[true,null]}"), call("json.marshal", v("{\"b\": [true, null], \"a\": 1}")));
    }

    @Test
    void marshalWithOptionsIndents() {
        Value doc = v("{\"a\": [1, 2], \"b\": {}}");
        assertEquals(s("{\n\t\"a\": [\n\t\t1,\n\t\t2\n\t],\n\t\"b\": {}\n}"),
                call("json.marshal_with_options", doc, v("{\"pretty\": true}")));
        assertEquals(s("{\n--\"a\": [\n----1,\n----2\n--],\n--\"b\": {}\n}"),
                call("json.marshal_with_options", doc, v("{\"indent\": \"--\"}")));
        assertEquals(s("{\"a\":[1,2],\"b\":{}}"), call("json.marshal_with_options", doc, v("{\"pretty\": false, \"indent\": \"--\"}")));
        assertFails(ErrorCode.EVAL_BUILTIN, "unknown key", "json.marshal_with_options", doc, v("{\"color\": true}"));
    }

    @Test
    void isValidChecks() {
        assertEquals(BooleanValue.FALSE, call("json.is_valid", s("plainstring")));
        assertEquals(BooleanValue.FALSE, call("json.is_valid", s("{")));
        assertEquals(BooleanValue.TRUE, call("json.is_valid", s("{\"json\": \"ok\"}")));
        assertEquals(BooleanValue.FALSE, call("json.is_valid", v("1")));
        assertEquals(BooleanValue.TRUE, call("yaml.is_valid", s("foo:\n - qux: bar\n - baz: 2")));
        assertEquals(BooleanValue.FALSE, call("yaml.is_valid", s("foo:\n - qux: bar\n - baz: {")));
        assertEquals(BooleanValue.FALSE, call("yaml.is_valid", v("1")));
    }

    @Test
    void yamlRoundTripAndTypes() {
        Value doc = ArrayValue.of(ObjectValue.builder().put("foo", set("[1, 2, 3]")).build());
        Value text = call("yaml.marshal", doc);
        assertResult("[{\"foo\": [1, 2, 3]}]", "yaml.unmarshal", text);
        assertResult("{\"a\": 1, \"b\": \"2024-05-01\", \"c\": true, \"d\": null, \"e\": 1.5}", "yaml.unmarshal",
                s("a: 1\nb: 2024-05-01\nc: true\nd: ~\ne: 1.5\n"));
        assertFails(ErrorCode.EVAL_BUILTIN, "yaml: line 1: did not find expected ',' or ']'", "yaml.unmarshal", s("[1,2,3"));
    }

    @ParameterizedTest
    @CsvSource({
        "base64.encode, hello, aGVsbG8=",
        "base64.encode, subjects?_d, c3ViamVjdHM/X2Q=",
        "base64.decode, c3ViamVjdHM/X2Q=, subjects?_d",
        "base64url.encode, subjects?_d, c3ViamVjdHM_X2Q=",
        "base64url.encode_no_pad, hello, aGVsbG8",
        "base64url.decode, aGVsbG8=, hello",
        "base64url.decode, aGVsbG8, hello",
        "hex.encode, lorem ipsum, 6c6f72656d20697073756d",
        "hex.decode, 6c6f72656d20697073756d, lorem ipsum",
        "urlquery.encode, a=b+1 c~, a%3Db%2B1+c~",
        "urlquery.decode, a%3Db%2B1+c, a=b+1 c",
    })
    void stringEncodings(String name, String input, String expected) {
        assertEquals(s(expected), call(name, s(input)));
    }

    @Test
    void encodingErrors() {
        assertEquals(BooleanValue.FALSE, call("base64.is_valid", s("{'not':'base64'}")));
        assertEquals(BooleanValue.FALSE, call("base64.is_valid", s("aGVsbG8")));
        assertEquals(BooleanValue.TRUE, call("base64.is_valid", s("aGVsbG8=")));
        assertFails(ErrorCode.EVAL_BUILTIN, "illegal base64 data at input byte 0", "base64.decode", s("{'not':'base64'}"));
        assertFails(ErrorCode.EVAL_BUILTIN, "encoding/hex: invalid byte: U+0067 'g'", "hex.decode", s("6g"));
        assertFails(ErrorCode.EVAL_BUILTIN, "encoding/hex: odd length hex string", "hex.decode", s("6c6"));
        assertFails(ErrorCode.EVAL_BUILTIN, "invalid URL escape \"%zz\"", "urlquery.decode", s("a%zz"));
    }

    @Test
    void urlqueryObjects() {
        assertEquals(s("a=b&c=d"), call("urlquery.encode_object", v("{\"c\": \"d\", \"a\": \"b\"}")));
        assertEquals(s("a=b%2B1&a=c%2B2"), call("urlquery.encode_object", v("{\"a\": [\"b+1\", \"c+2\"]}")));
        assertEquals(s("a=b%2B1"), call("urlquery.encode_object", ObjectValue.builder().put("a", set("[\"b+1\"]")).build()));
        assertResult("{\"a\": [\"value_a1\", \"value_a2\"], \"b\": [\"value_b\"]}", "urlquery.decode_object",
                s("a=value_a1&b=value_b&a=value_a2"));
        assertResult("{\"a\": [\"value_a1\"], \"b\": [\"\"]}", "urlquery.decode_object", s("a=value_a1&b"));
        assertResult("{}", "urlquery.decode_object", StringValue.EMPTY);
    }
}
