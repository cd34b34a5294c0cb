package dev.lambdashield.cli.rego;

import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConformanceCommandTest {

    @TempDir
    Path dir;

    @Test
    void failingCaseIsListedWithSummary() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("arith"));
        Files.writeString(folder.resolve("cases.json"), """
                {"cases": [
                  {"note": "arith/sum", "modules": ["package t\\n\\np = x { x := 1 + 2 }"],
                   "query": "data.t.p = x", "want_result": [{"x": 3}]},
                  {"note": "arith/wrong", "modules": ["package t\\n\\np = x { x := 1 + 2 }"],
                   "query": "data.t.p = x", "want_result": [{"x": 4}]}
                ]}
                """);

        Cli.Result result = Cli.run("conformance", dir.toString());

        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.describe());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).startsWith("FAIL arith/wrong: "), lines.get(0));
        assertEquals("1 passed, 1 failed", lines.get(1));
    }

    @Test
    void v1CasesPass() throws Exception {
        Files.writeString(dir.resolve("v1.json"), """
                {"cases": [{"note": "v1/contains", "modules": ["package t\\n\\ns contains 1\\n"],
                            "query": "data.t.s = x", "want_result": [{"x": [1]}]}]}
                """);

        Cli.Result result = Cli.run("conformance", "--v1", dir.toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertEquals("1 passed, 0 failed", result.out().strip());
    }

    @Test
    void missingFolderIsUsageError() {
        Cli.Result result = Cli.run("conformance", dir.resolve("absent").toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals("lambda-shield: error: " + dir.resolve("absent") + ": folder not found", result.err().strip());
    }
}
