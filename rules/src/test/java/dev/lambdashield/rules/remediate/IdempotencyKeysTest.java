package dev.lambdashield.rules.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotencyKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders-api";

    private static JsonNode item(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void clientToken_isUuidShaped() throws Exception {
        String token = IdempotencyKeys.of(ARN, "lambda-tracing-active", "1.0.0", item("{\"configuration\":{}}"))
                .clientToken();

        assertTrue(token.matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), token);
    }

    @Test
    void keyOrder_doesNotChangeKeys() throws Exception {
        IdempotencyKeys first = IdempotencyKeys.of(ARN, "p", "1", item("{\"configuration\":{\"a\":1,\"b\":{\"c\":2,\"d\":3}}}"));
        IdempotencyKeys second = IdempotencyKeys.of(ARN, "p", "1", item("{\"configuration\":{\"b\":{\"d\":3,\"c\":2},\"a\":1}}"));

        assertEquals(first.clientToken(), second.clientToken());
        assertEquals(first.executionName("p"), second.executionName("p"));
    }

    @Test
    void eachInput_changesKeys() throws Exception {
        JsonNode base = item("{\"configuration\":{\"memorySize\":128},\"supplementaryConfiguration\":{}}");
        String token = IdempotencyKeys.of(ARN, "p", "1", base).clientToken();

        assertNotEquals(token, IdempotencyKeys.of(ARN + "-2", "p", "1", base).clientToken(), "resource");
        assertNotEquals(token, IdempotencyKeys.of(ARN, "q", "1", base).clientToken(), "policy");
        assertNotEquals(token, IdempotencyKeys.of(ARN, "p", "2", base).clientToken(), "policy version");
        assertNotEquals(token, IdempotencyKeys.of(ARN, "p", "1",
                item("{\"configuration\":{\"memorySize\":256},\"supplementaryConfiguration\":{}}")).clientToken(),
                "configuration");
        assertNotEquals(token, IdempotencyKeys.of(ARN, "p", "1",
                item("{\"configuration\":{\"memorySize\":128},\"supplementaryConfiguration\":{\"Policy\":{}}}"))
                .clientToken(), "supplementary configuration");
    }

    @Test
    void executionName_longPolicyIdFitsLimit() throws Exception {
        String policyId = "lambda-" + "very-long-policy-identifier-".repeat(5) + "Ü";

        String name = IdempotencyKeys.of(ARN, policyId, "1", item("{}")).executionName(policyId);

        assertTrue(name.length() <= 80, name);
        assertTrue(name.matches("[A-Za-z0-9_-]+"), name);
    }
}
