package dev.lambdashield.cli.rego;

import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writePolicy() throws Exception {
        Files.writeString(dir.resolve("limits.rego"), """
                package limits

                too_big if input.size > data.config.max
                """);
        Files.writeString(dir.resolve("limits_test.rego"), """
                package limits_test

                import data.limits

                test_big_is_too_big if limits.too_big with input as {"size": 11}

                test_small_is_fine if not limits.too_big with input as {"size": 1}

                test_wrong_expectation if {
                	print("size was", 5)
                	limits.too_big with input as {"size": 5}
                }

                todo_test_later if false
                """);
        Files.writeString(dir.resolve("config.json"), "{\"config\": {\"max\": 10}}");
    }

    @Test
    void failingTestIsReportedWithPrintOutput() {
        Cli.Result result = Cli.run("test", dir.toString());

        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.describe());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("FAIL: data.limits_test.test_wrong_expectation ("), lines.get(0));
        assertTrue(result.out().contains("  size was 5"), result.out());
        assertEquals("2 passed, 1 failed, 1 skipped", lines.get(lines.size() - 1));
    }

    @Test
    void runFilterSelectsTests() {
        Cli.Result result = Cli.run("test", "--run", "test_(big|small)", dir.toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertTrue(result.out().strip().endsWith("2 passed, 0 failed"), result.out());
    }

    @Test
    void verboseListsEveryOutcome() {
        Cli.Result result = Cli.run("test", "--verbose", dir.toString());

        assertTrue(result.out().contains("PASS: data.limits_test.test_big_is_too_big"), result.out());
        assertTrue(result.out().contains("SKIPPED: data.limits_test.todo_test_later"), result.out());
    }

    @Test
    void policyLibraryTestsPass() {
        Cli.Result result = Cli.run("test", Cli.repoRoot().resolve("policies").toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertTrue(result.out().strip().matches("(?s).*\\n\\d+ passed, 0 failed"), result.out());
    }

    @Test
    void noMatchingTestIsError() {
        Cli.Result result = Cli.run("test", "--run", "nothing_matches", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("no tests found matching --run 'nothing_matches'"), result.err());
    }

    @Test
    void invalidRegexIsUsageError() {
        Cli.Result result = Cli.run("test", "--run", "(", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith("lambda-shield: error: invalid --run regular expression '('"), result.err());
    }

    @Test
    void syntaxErrorStopsTests() throws Exception {
        Files.writeString(dir.resolve("broken.rego"), "package broken\n\nallow if {\n");

        Cli.Result result = Cli.run("test", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith(dir.resolve("broken.rego") + ":"), result.err());
        assertTrue(result.err().contains("rego_parse_error"), result.err());
    }

    @Test
    void malformedDataFileIsOneLineError() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"config\": ");

        Cli.Result result = Cli.run("test", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("lambda-shield: error: " + dir.resolve("config.json") + ":1:"), result.err());
        assertTrue(result.err().contains("invalid JSON"), result.err());
        assertFalse(result.out().contains("passed"), result.out());
    }
}
