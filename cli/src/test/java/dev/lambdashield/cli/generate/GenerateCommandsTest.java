package dev.lambdashield.cli.generate;

import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rules.deployment.GeneratedSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandsTest {

    @TempDir
    Path dir;

    private static String policies() {
        return Cli.repoRoot().resolve("policies").toString();
    }

    @Test
    void docsWritesPagesThenChecksThem() throws Exception {
        Path out = dir.resolve("docs");

        Cli.Result written = Cli.run("docs", "--policy-dir", policies(), "--output", out.toString());
        Cli.Result checked = Cli.run("docs", "--policy-dir", policies(), "--output", out.toString(), "--check");

        assertEquals(ExitCode.OK, written.exitCode(), written.describe());
        try (Stream<Path> pages = Files.list(out)) {
            assertTrue(pages.count() > 10, "a page per policy and an index");
        }
        assertTrue(Files.readString(out.resolve("lambda-tracing-active.md")).contains("Lambda.7"));
        assertEquals(ExitCode.OK, checked.exitCode(), checked.describe());
    }

    @Test
    void docsCheckFindsStalePage() throws Exception {
        Path out = dir.resolve("docs");
        Cli.run("docs", "--policy-dir", policies(), "--output", out.toString());
        Files.writeString(out.resolve("lambda-tracing-active.md"), "edited by hand\n");

        Cli.Result checked = Cli.run("docs", "--policy-dir", policies(), "--output", out.toString(), "--check");

        assertEquals(ExitCode.FINDINGS, checked.exitCode(), checked.describe());
        assertTrue(checked.out().contains("lambda-tracing-active.md: differs"), checked.out());
    }

    @Test
    void deployConfigPrintsRules() {
        Cli.Result result = Cli.run("deploy-config", "--policy-dir", policies());

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertTrue(result.out().contains("ConfigRuleLambdaTracingActive"), result.out());
        assertTrue(result.out().contains("AWS::Config::ConfigRule"), result.out());
    }

    @Test
    void deployConfigWritesAndChecksTemplate() throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, "Resources:\n  " + GeneratedSection.BEGIN + "\n  " + GeneratedSection.END + "\n");

        Cli.Result before = Cli.run("deploy-config", "--policy-dir", policies(), "--template", template.toString(),
                "--check");
        Cli.Result write = Cli.run("deploy-config", "--policy-dir", policies(), "--template", template.toString(),
                "--write");
        Cli.Result after = Cli.run("deploy-config", "--policy-dir", policies(), "--template", template.toString(),
                "--check");

        assertEquals(ExitCode.FINDINGS, before.exitCode(), before.describe());
        assertEquals(ExitCode.OK, write.exitCode(), write.describe());
        assertTrue(Files.readString(template).contains("ConfigRuleLambdaTracingActive"));
        assertEquals(ExitCode.OK, after.exitCode(), after.describe());
    }

    @Test
    void deployConfigWithoutMarkersIsUsageError() throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, "Resources: {}\n");

        Cli.Result result = Cli.run("deploy-config", "--policy-dir", policies(), "--template", template.toString(),
                "--write");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith("lambda-shield: error: " + template + ": "), result.err());
    }

    @Test
    void missingPolicyFolderIsUsageError() {
        Path missing = dir.resolve("absent");

        Cli.Result result = Cli.run("docs", "--policy-dir", missing.toString(), "--output", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains(missing.toString()), result.err());
    }
}
