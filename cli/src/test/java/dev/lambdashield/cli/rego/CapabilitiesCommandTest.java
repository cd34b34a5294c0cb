package dev.lambdashield.cli.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rego.builtins.BuiltinRegistry;
import dev.lambdashield.rego.builtins.Builtins;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilitiesCommandTest {

    @Test
    void capabilitiesListsEveryRegisteredBuiltin() throws Exception {
        Cli.Result result = Cli.run("capabilities");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        JsonNode root = new ObjectMapper().readTree(result.out());
        Set<String> printed = new HashSet<>();
        for (JsonNode builtin : root.get("builtins")) {
            printed.add(builtin.get("name").asText());
            assertEquals("function", builtin.at("/decl/type").asText(), builtin.toString());
            assertTrue(builtin.at("/decl/args").isArray(), builtin.toString());
        }
        Set<String> registered = new HashSet<>();
        for (BuiltinRegistry.Entry entry : Builtins.defaultRegistry().entries()) {
            registered.add(entry.decl().name());
        }
        assertFalse(registered.isEmpty(), "the engine registers built-ins");
        assertEquals(registered, printed);
    }

    @Test
    void capabilitiesUsesOpaShapes() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Cli.run("capabilities").out());

        assertTrue(root.get("future_keywords").toString().contains("\"contains\""), root.get("future_keywords").toString());
        assertTrue(root.get("features").toString().contains("\"rego_v1\""), root.get("features").toString());
        JsonNode count = find(root, "count");
        assertEquals("number", count.at("/decl/result/type").asText(), count.toString());
        JsonNode plus = find(root, "plus");
        assertEquals("+", plus.get("infix").asText(), plus.toString());
    }

    private static JsonNode find(JsonNode root, String name) {
        for (JsonNode builtin : root.get("builtins")) {
            if (builtin.get("name").asText().equals(name)) {
                return builtin;
            }
        }
        throw new AssertionError("capabilities do not list " + name);
    }
}
