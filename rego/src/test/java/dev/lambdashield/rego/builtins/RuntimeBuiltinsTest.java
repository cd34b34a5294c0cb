package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuntimeBuiltinsTest {

    private static final String CONFIG = "{\"aws_access_key\": \"MYAWSACCESSKEYGOESHERE\", \"aws_secret_access_key\": \"MYAWSSECRETACCESSKEYGOESHERE\","
            + " \"aws_service\": \"s3\", \"aws_region\": \"us-east-1\"}";
    private static final Value TIME = NumberValue.of(1451311705000000000L);

    @Test
    void signRequestWithoutBody() {
        ObjectValue signed = (ObjectValue) call("providers.aws.sign_req", v("{\"method\": \"get\", \"url\": \"http://example.com\"}"), v(CONFIG), TIME);
        ObjectValue headers = (ObjectValue) signed.get("headers");
        assertEquals(StringValue.of("AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3"),
                headers.get("Authorization"));
        assertEquals(StringValue.of("20151228T140825Z"), headers.get("x-amz-date"));
        assertEquals(StringValue.of("example.com"), headers.get("host"));
        assertEquals(StringValue.of("get"), signed.get("method"));
    }

    @Test
    void signRequestWithSessionTokenAndBodies() {
        String withToken = CONFIG.replace("}", ", \"aws_session_token\": \"MYAWSSECURITYTOKENGOESHERE\"}");
        ObjectValue headers = headers(call("providers.aws.sign_req", v("{\"method\": \"get\", \"url\": \"http://example.com\"}"), v(withToken), TIME));
        assertEquals(StringValue.of("MYAWSSECURITYTOKENGOESHERE"), headers.get("x-amz-security-token"));
        assertEquals(true, headers.get("Authorization").toString().contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"
                + "Signature=23c31bda8a74630c0a94f6b82a3511e7e74728df98e6f54ed0840488dbbdc8d1"));
        ObjectValue body = headers(call("providers.aws.sign_req",
                v("{\"method\": \"get\", \"url\": \"http://example.com\", \"body\": {\"example\": [1, 2, 3, 4]}}"), v(CONFIG), TIME));
        assertEquals(StringValue.of("bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07"), body.get("x-amz-content-sha256"));
        ObjectValue raw = headers(call("providers.aws.sign_req",
                v("{\"method\": \"get\", \"url\": \"http://example.com\", \"raw_body\": \"{\\\"example\\\": {1, 2, 3, 4}}\"}"), v(CONFIG), TIME));
        assertEquals(StringValue.of("22906461e2a98a3e780d0fd260e341bed5e544661e97c5936fc7f3af11aaad8b"), raw.get("x-amz-content-sha256"));
    }

    @Test
    void signRequestRejectsMissingAndInvalidParameters() {
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 missing required request parameters(s): {\"method\", \"url\"}",
                "providers.aws.sign_req", v("{}"), v(CONFIG), TIME);
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 invalid values for required request parameters(s): {\"method\", \"url\"}",
                "providers.aws.sign_req", v("{\"method\": 1, \"url\": []}"), v(CONFIG), TIME);
        assertFails(ErrorCode.EVAL_TYPE,
                "operand 2 missing required AWS config parameters(s): {\"aws_access_key\", \"aws_region\", \"aws_secret_access_key\", \"aws_service\"}",
                "providers.aws.sign_req", v("{\"method\": \"get\", \"url\": \"http://example.com\"}"), v("{\"example\": \"example\"}"), TIME);
        assertFails(ErrorCode.EVAL_TYPE, "operand 3 could not convert time_ns value into a unix timestamp",
                "providers.aws.sign_req", v("{\"method\": \"get\", \"url\": \"http://example.com\"}"), v(CONFIG), v("-1e9"));
    }

    @Test
    void runtimeReturnsTheContextInformation() {
        BuiltinContext context = new BuiltinCalls.FixedContext("opa.runtime", new HashMap<>()) {
            @Override
            public Map<String, Object> runtimeInfo() {
                return Map.of("version", "0.1.0", "env", Map.of(), "config", Map.of("labels", List.of("a")));
            }
        };
        Value runtime = Builtins.defaultRegistry().lookup("opa.runtime").orElseThrow().function().call(context, List.of());
        assertEquals(v("{\"version\": \"0.1.0\", \"env\": {}, \"config\": {\"labels\": [\"a\"]}}"), runtime);
        assertEquals(Location.UNKNOWN, context.location());
    }

    private static ObjectValue headers(Value signed) {
        return (ObjectValue) ((ObjectValue) signed).get("headers");
    }
}
