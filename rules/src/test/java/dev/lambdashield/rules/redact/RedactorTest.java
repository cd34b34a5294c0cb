package dev.lambdashield.rules.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "access key id      | key AKIAIOSFODNN7EXAMPLE in use                     | AKIAIOSFODNN7EXAMPLE",
        "temporary key id   | ASIAY34FZKBOKMUTVV7A was used                       | ASIAY34FZKBOKMUTVV7A",
        "secret access key  | aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | wJalrXUtnFEMI",
        "bearer token       | Authorization: Bearer abcdef0123456789.xyz          | abcdef0123456789",
        "JWT                | token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig_nature here | eyJzdWIiOiIxMjM0In0",
        "password assignment| db password=hunter2!x used                          | hunter2!x",
        "JSON password      | {\"dbPassword\": \"s3cr3t-value\"}                  | s3cr3t-value",
        "api key            | API_KEY: 0123456789abcdef                            | 0123456789abcdef",
    })
    void credentialPattern_masked(String name, String text, String secret) {
        String redacted = Redactor.create().redact(text);

        assertFalse(redacted.contains(secret), redacted);
        assertTrue(redacted.contains(Redactor.MASK), redacted);
    }

    @Test
    void privateKeyBlock_maskedWhole() {
        String pem = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7xyz\nabc==\n-----END RSA PRIVATE KEY-----\nend";

        String redacted = Redactor.create().redact(pem);

        assertEquals("key:\n" + Redactor.MASK + "\nend", redacted);
    }

    @Test
    void unterminatedPrivateKey_maskedToEnd() {
        String redacted = Redactor.create().redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC");

        assertEquals(Redactor.MASK, redacted);
    }

    @Test
    void ordinaryText_unchanged() {
        String text = "lambda-tracing-active: tracing mode is PassThrough for orders-api (token count 3)";

        assertEquals(text, Redactor.create().redact(text));
    }

    @Test
    void clientTokenField_kept() throws Exception {
        JsonNode request = JSON.readTree("{\"ClientToken\":\"0b6f2c1e-4d3a-8b2c-9d1e-0123456789ab\",\"NextToken\":\"abc\"}");

        JsonNode redacted = Redactor.create().redact(request);

        assertEquals(request, redacted);
    }

    @Test
    void rememberedEnvironmentValue_maskedEverywhere() throws Exception {
        Redactor redactor = Redactor.create();
        JsonNode item = JSON.readTree("{\"ARN\":\"arn:aws:lambda:us-east-1:123456789012:function:orders-api\","
                + "\"resourceId\":\"orders-api\",\"configuration\":{\"functionName\":\"orders-api\","
                + "\"environment\":{\"variables\":{\"DB_URL\":\"postgres://db.internal:5432/orders\","
                + "\"MODE\":\"production\",\"PIN\":\"4711\",\"DB_PASS\":\"abc\",\"NAME\":\"orders-api\"}}}}");

        redactor.rememberEnvironment(item);

        assertEquals("connect to " + Redactor.MASK + " failed",
                redactor.redact("connect to postgres://db.internal:5432/orders failed"));
        assertEquals("mode production", redactor.redact("mode production"), "a plain word is not a secret");
        assertEquals("function orders-api", redactor.redact("function orders-api"), "identifiers stay intact");
        assertEquals("login " + Redactor.MASK, redactor.redact("login abc"), "secret-named values are masked short");
        assertEquals("pin 4711", redactor.redact("pin 4711"), "short values under plain names are not masked");
    }

    @Test
    void historyFormConfiguration_valuesRemembered() throws Exception {
        Redactor redactor = Redactor.create();
        JsonNode item = JSON.readTree("{\"arn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\","
                + "\"configuration\":\"{\\\"environment\\\":{\\\"variables\\\":{\\\"TOKEN\\\":\\\"tk-99\\\"}}}\"}");

        redactor.rememberEnvironment(item);

        assertEquals("value " + Redactor.MASK, redactor.redact("value tk-99"));
    }

    @Test
    void jsonTree_environmentValuesAndSecretFieldsMasked() throws Exception {
        JsonNode tree = JSON.readTree("{\"configuration\":{\"environment\":{\"variables\":{\"A\":\"1\",\"B\":true}},"
                + "\"password\":\"pw\",\"passwordPolicy\":{\"minimum\":8},\"memorySize\":128}}");

        JsonNode redacted = Redactor.create().redact(tree);

        JsonNode configuration = redacted.path("configuration");
        assertEquals(Redactor.MASK, configuration.path("environment").path("variables").path("A").asText());
        assertEquals(Redactor.MASK, configuration.path("environment").path("variables").path("B").asText());
        assertEquals(Redactor.MASK, configuration.path("password").asText());
        assertEquals(8, configuration.path("passwordPolicy").path("minimum").asInt(), "objects are walked, not erased");
        assertEquals(128, configuration.path("memorySize").asInt());
        assertEquals("1", tree.path("configuration").path("environment").path("variables").path("A").asText(),
                "the input is not changed");
    }

    @Test
    void longerValueReplacedBeforeContainedOne() {
        Redactor redactor = Redactor.create();
        redactor.rememberAll(List.of("abc123", "abc123-extended"));

        assertEquals(Redactor.MASK + " and " + Redactor.MASK, redactor.redact("abc123-extended and abc123"));
    }

    @Test
    void nullText_staysNull() {
        assertNull(Redactor.create().redact((String) null));
        assertNull(Redactor.create().redact((JsonNode) null));
    }
}
