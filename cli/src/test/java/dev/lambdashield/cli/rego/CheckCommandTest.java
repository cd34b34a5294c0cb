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

class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkPassesOnPolicyLibrary() {
        Cli.Result result = Cli.run("check", Cli.repoRoot().resolve("policies").toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertTrue(result.out().matches("checked \\d+ modules: no errors\\s*"), result.out());
    }

    @Test
    void syntaxErrorShowsLocationSourceAndCaret() throws Exception {
        Path bad = dir.resolve("bad.rego");
        Files.writeString(bad, "package bad\n\nallow if {\n\tinput.x ==\n}\n");

        Cli.Result result = Cli.run("check", bad.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        List<String> lines = result.err().lines().toList();
        assertTrue(lines.get(0).startsWith(bad + ":"), lines.get(0));
        assertTrue(lines.get(0).contains(": rego_parse_error: "), lines.get(0));
        int line = Integer.parseInt(lines.get(0).substring(bad.toString().length() + 1).split(":")[0]);
        assertTrue(lines.get(1).matches(" *" + line + " \\| .*"), "source line follows: " + lines.get(1));
        assertTrue(lines.get(2).trim().endsWith("^"), "caret line follows: " + lines.get(2));
    }

    @Test
    void everySyntaxErrorIsListed() throws Exception {
        Path first = dir.resolve("a.rego");
        Path second = dir.resolve("b.rego");
        Files.writeString(first, "package a\n\nallow if {\n\tinput.x ==\n}\n");
        Files.writeString(second, "package b\n\ndeny contains msg if msg := \n");

        Cli.Result result = Cli.run("check", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("/a.rego:"), result.err());
        assertTrue(result.err().contains("/b.rego:"), result.err());
    }

    @Test
    void compileErrorCarriesOpaCode() throws Exception {
        Path unsafe = dir.resolve("unsafe.rego");
        Files.writeString(unsafe, "package unsafe\n\nallow if {\n\tx > 1\n}\n");

        Cli.Result result = Cli.run("check", unsafe.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith(unsafe + ":4:"), result.err());
        assertTrue(result.err().contains("rego_unsafe_var_error"), result.err());
    }

    @Test
    void v0ModuleNeedsV0Compatible() throws Exception {
        Path v0 = dir.resolve("v0.rego");
        Files.writeString(v0, "package legacy\n\ndeny[msg] { msg := \"no\" }\n");

        Cli.Result asV1 = Cli.run("check", v0.toString());
        Cli.Result asV0 = Cli.run("check", "--v0-compatible", v0.toString());

        assertEquals(ExitCode.USAGE, asV1.exitCode(), asV1.describe());
        assertEquals(ExitCode.OK, asV0.exitCode(), asV0.describe());
    }

    @Test
    void missingFileIsOneLineError() {
        Path missing = dir.resolve("nope.rego");

        Cli.Result result = Cli.run("check", missing.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals("lambda-shield: error: " + missing + ": file or folder not found", result.err().strip());
    }

    @Test
    void folderWithoutPoliciesIsError() {
        Cli.Result result = Cli.run("check", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("no .rego files found"), result.err());
    }
}
