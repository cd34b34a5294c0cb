package dev.lambdashield.cli.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {

    @TempDir
    Path dir;
    Path policy;
    Path input;

    @BeforeEach
    void writeFiles() throws Exception {
        policy = dir.resolve("policy.rego");
        Files.writeString(policy, """
                package app

                deny contains msg if {
                	input.memory > data.limits.memory
                	msg := sprintf("memory %d is above %d", [input.memory, data.limits.memory])
                }
                """);
        Files.writeString(dir.resolve("limits.yaml"), "limits:\n  memory: 256\n");
        input = dir.resolve("input.json");
        Files.writeString(input, "{\"memory\": 1024}");
    }

    @Test
    void referenceValueIsExpression() throws Exception {
        Cli.Result result = Cli.run("eval", "-d", dir.toString(), "-i", input.toString(), "data.app.deny");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals("memory 1024 is above 256", root.at("/result/0/expressions/0/value/0").asText());
        assertEquals("data.app.deny", root.at("/result/0/expressions/0/text").asText());
    }

    @Test
    void variablesAreBindings() throws Exception {
        Cli.Result result = Cli.run("eval", "-d", dir.toString(), "-i", input.toString(), "data.app.deny[msg]");

        JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals("memory 1024 is above 256", root.at("/result/0/bindings/msg").asText(), result.describe());
    }

    @Test
    void runawayQueryStopsAtTimeout() {
        Cli.Result result = Cli.run("eval", "--timeout", "1", "n := count([1 | some x in numbers.range(1, 1000); "
                + "some y in numbers.range(1, 1000); some z in numbers.range(1, 1000)])");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("eval_cancel_error"), result.err());
    }

    @Test
    void prettyPrintsValue() {
        Cli.Result result = Cli.run("eval", "--format", "pretty", "x := 6 * 7");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertTrue(result.out().contains("\"x\" : 42"), result.out());
    }

    @Test
    void undefinedPrintsEmptyObject() {
        Cli.Result json = Cli.run("eval", "-d", policy.toString(), "data.app.missing");
        Cli.Result pretty = Cli.run("eval", "--format", "pretty", "-d", policy.toString(), "data.app.missing");
        Cli.Result failing = Cli.run("eval", "--fail", "-d", policy.toString(), "data.app.missing");

        assertEquals("{ }", json.out().strip(), json.describe());
        assertEquals("undefined", pretty.out().strip(), pretty.describe());
        assertEquals(ExitCode.FINDINGS, failing.exitCode(), failing.describe());
    }

    @Test
    void malformedInputIsOneLineError() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"memory\": }");

        Cli.Result result = Cli.run("eval", "-d", policy.toString(), "-i", bad.toString(), "data.app.deny");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("lambda-shield: error: " + bad + ":1:"), result.err());
    }

    @Test
    void evaluationErrorShowsCode() throws Exception {
        Path conflict = dir.resolve("conflict.rego");
        Files.writeString(conflict, "package c\n\nx := 1\n\nx := 2 if true\n");

        Cli.Result result = Cli.run("eval", "-d", conflict.toString(), "data.c.x");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("_error"), result.err());
    }

    @Test
    void invalidFormatIsUsageError() {
        Cli.Result result = Cli.run("eval", "--format", "xml", "1 == 1");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("invalid --format 'xml'"), result.err());
    }
}
