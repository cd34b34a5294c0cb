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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCommandCoverageTest {

    @TempDir
    Path dir;

    private String policyFile;

    @BeforeEach
    void writePolicy() throws Exception {
        Files.writeString(dir.resolve("limits.rego"), """
                package limits

                too_big if input.size > data.config.max

                too_small if {
                	input.size < 1
                	print("too small")
                }
                """);
        Files.writeString(dir.resolve("limits_test.rego"), """
                package limits_test

                import data.limits

                test_big_is_too_big if limits.too_big with input as {"size": 11}

                test_small_is_fine if not limits.too_big with input as {"size": 1}
                """);
        Files.writeString(dir.resolve("config.json"), "{\"config\": {\"max\": 10}}");
        policyFile = dir + "/limits.rego";
    }

    @Test
    void coveragePrintsPercentPerPolicy() {
        Cli.Result result = Cli.run("test", "--coverage", dir.toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.contains("2 passed, 0 failed"), result.out());
        assertTrue(lines.contains("  25.00%  " + policyFile + "  not covered: 5-7"), result.out());
        assertEquals("  25.00%  total (1 of 4 lines)", lines.get(lines.size() - 1));
        assertFalse(result.out().contains("limits_test.rego"), result.out());
    }

    @Test
    void coverageJsonFollowsOpaLayout() throws Exception {
        Cli.Result result = Cli.run("test", "--coverage", "--format", "json", dir.toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode file = json.get("files").get(policyFile);
        assertEquals(3, file.at("/covered/0/start/row").asInt(), result.out());
        assertEquals(3, file.at("/covered/0/end/row").asInt(), result.out());
        assertEquals(5, file.at("/not_covered/0/start/row").asInt(), result.out());
        assertEquals(7, file.at("/not_covered/0/end/row").asInt(), result.out());
        assertEquals(1, file.get("covered_lines").asInt(), result.out());
        assertEquals(3, file.get("not_covered_lines").asInt(), result.out());
        assertEquals(25.0, file.get("coverage").asDouble(), result.out());
        assertEquals(25.0, json.get("coverage").asDouble(), result.out());
        assertEquals(1, json.get("files").size(), result.out());
    }

    @Test
    void coverageBelowThresholdFails() {
        Cli.Result result = Cli.run("test", "--coverage", "--threshold", "50", dir.toString());

        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith("lambda-shield: coverage 25.00% is below --threshold 50.00%"), result.err());
    }

    @Test
    void coverageAtThresholdPasses() {
        Cli.Result result = Cli.run("test", "--coverage", "--threshold", "25", dir.toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
    }

    @Test
    void exitCodeFollowsFailingTests() throws Exception {
        Files.writeString(dir.resolve("more_test.rego"), """
                package more_test

                import data.limits

                test_zero_is_too_small if limits.too_small with input as {"size": 5}
                """);

        Cli.Result result = Cli.run("test", "--coverage", dir.toString());

        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.describe());
        assertTrue(result.out().contains("FAIL: data.more_test.test_zero_is_too_small"), result.out());
        // The failing test still reached the first expression of too_small.
        assertTrue(result.out().contains("  50.00%  " + policyFile + "  not covered: 5, 7"), result.out());
    }

    @Test
    void thresholdWithoutCoverageIsUsageError() {
        Cli.Result result = Cli.run("test", "--threshold", "80", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("--threshold 80.0 needs --coverage"), result.err());
    }

    @Test
    void invalidThresholdIsUsageError() {
        Cli.Result result = Cli.run("test", "--coverage", "--threshold", "120", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("invalid --threshold 120.0: expected a percentage from 0 to 100"), result.err());
    }

    @Test
    void jsonFormatWithoutCoverageListsResults() throws Exception {
        Cli.Result result = Cli.run("test", "--format", "json", dir.toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        JsonNode results = new ObjectMapper().readTree(result.out());
        assertEquals(2, results.size(), result.out());
        assertEquals("data.limits_test.test_big_is_too_big", results.get(0).get("name").asText());
        assertEquals("PASS", results.get(0).get("outcome").asText());
        assertEquals(5, results.get(0).at("/location/row").asInt());
    }
}
