package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UuidBuiltinsTest {

    @Test
    void rfc4122IsStablePerQueryAndKey() {
        Map<Object, Object> query = new HashMap<>();
        Value first = call(query, "uuid.rfc4122", s("request"));
        assertEquals(first, call(query, "uuid.rfc4122", s("request")));
        assertNotEquals(first, call(query, "uuid.rfc4122", s("other")));
        assertNotEquals(first, call(new HashMap<>(), "uuid.rfc4122", s("request")));
        String text = ((StringValue) first).value();
        assertTrue(text.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), text);
    }

    @Test
    void parseVersion4() {
        assertEquals(v("{\"variant\": \"RFC4122\", \"version\": 4}"), call("uuid.parse", s("00000000-0000-4000-8000-000000000000")));
        assertEquals(v("{\"variant\": \"RFC4122\", \"version\": 4}"), call("uuid.parse", s("urn:uuid:00000000-0000-4000-8000-000000000000")));
        assertEquals(v("{\"variant\": \"RFC4122\", \"version\": 4}"), call("uuid.parse", s("{00000000-0000-4000-8000-000000000000}")));
        assertEquals(v("{\"variant\": \"RFC4122\", \"version\": 4}"), call("uuid.parse", s("00000000000040008000000000000000")));
    }

    @Test
    void parseVersion1Fields() {
        Value parsed = call("uuid.parse", s("c60ae1f0-3d7c-11ee-be56-0242ac120002"));
        assertEquals(v("{\"clocksequence\": 15958, \"macvariables\": \"local:unicast\", \"nodeid\": \"02-42-ac-12-00-02\","
                + " \"time\": 1692331660290507200, \"variant\": \"RFC4122\", \"version\": 1}"), parsed);
    }

    @Test
    void parseRejectsMalformedUuids() {
        assertNull(call("uuid.parse", s("not-a-uuid")));
        assertNull(call("uuid.parse", s("c60ae1f0_3d7c_11ee_be56_0242ac120002")));
        assertNull(call("uuid.parse", s("g60ae1f0-3d7c-11ee-be56-0242ac120002")));
    }
}
