package dev.lambdashield.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls built-ins through the default registry, as the evaluator does, with a fixed query context. */
final class BuiltinCalls {

    /** A context with a fixed clock and one cache, like a single query; tests may override parts of it. */
    static class FixedContext implements BuiltinContext {
        private final String name;
        private final Map<Object, Object> cache;

        FixedContext(String name, Map<Object, Object> cache) {
            this.name = name;
            this.cache = cache;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Location location() {
            return Location.UNKNOWN;
        }

        @Override
        public long timeNowNs() {
            return 1_700_000_000_000_000_000L;
        }

        @Override
        public Map<Object, Object> queryCache() {
            return cache;
        }

        @Override
        public void checkCancelled() {
        }
    }

    private BuiltinCalls() {
    }

    static Value call(String name, Value... args) {
        return call(new HashMap<>(), name, args);
    }

    static Value call(Map<Object, Object> cache, String name, Value... args) {
        BuiltinRegistry.Entry entry = Builtins.defaultRegistry().lookup(name)
                .orElseThrow(() -> new AssertionError("built-in not registered: " + name));
        assertEquals(entry.decl().arity(), args.length, "arity of " + name);
        return entry.function().call(new FixedContext(name, cache), List.of(args));
    }

    /** Parses JSON into a value. */
    static Value v(String json) {
        return ValueJson.parse(json);
    }

    static StringValue s(String text) {
        return StringValue.of(text);
    }

    static SetValue set(String jsonArray) {
        return SetValue.of(((ArrayValue) v(jsonArray)).elements());
    }

    /** Asserts that the call fails with the code and a message containing the text; returns the message. */
    static String assertFails(ErrorCode code, String messagePart, String name, Value... args) {
        BuiltinException e = assertThrows(BuiltinException.class, () -> call(name, args), name);
        assertEquals(code, e.code(), () -> name + ": " + e.getMessage());
        if (!e.getMessage().contains(messagePart)) {
            throw new AssertionError(name + ": expected message containing <" + messagePart + "> but was <" + e.getMessage() + ">");
        }
        return e.getMessage();
    }

    /** Asserts that the call returns the value given as JSON. */
    static void assertResult(String expectedJson, String name, Value... args) {
        assertEquals(v(expectedJson), call(name, args), () -> name + List.of(args));
    }
}
