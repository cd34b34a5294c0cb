package dev.lambdashield.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCommandTest {

    private static final String TIME = "2026-12-04T12:00:00Z";

    @TempDir
    Path dir;

    private static String fixtures() {
        return Cli.repoRoot().resolve("test-fixtures").toString();
    }

    @Test
    void fixturesGiveTableWithViolationsBySeverity() {
        Cli.Result result = Cli.run("scan", "--time", TIME, fixtures());

        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.describe());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).matches("FUNCTION +POLICY +RESULT +SEVERITY +MESSAGE"), lines.get(0));
        String summary = lines.stream().filter(l -> l.matches("\\d+ resources, \\d+ policies: .*")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line:\n" + result.out()));
        for (String severity : new String[] {"CRITICAL", "HIGH", "MEDIUM", "LOW"}) {
            assertFalse(summary.contains(" 0 " + severity), severity + " violations in " + summary);
        }
        assertTrue(result.out().contains("billing-webhook"), "the change notification's function is scanned");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\S+ +- +NOT_APPLICABLE +- +ResourceDeleted.*")),
                "deleted items are NOT_APPLICABLE");
    }

    @Test
    void jsonMatchesTableSummary() throws Exception {
        Cli.Result result = Cli.run("scan", "--time", TIME, "--format", "json", fixtures());

        JsonNode root = new ObjectMapper().readTree(result.out());
        int resources = root.at("/summary/resources").asInt();
        assertEquals(resources, root.get("resources").size());
        assertTrue(root.at("/summary/violations").asInt() > 0, result.out());
        Cli.Result table = Cli.run("scan", "--time", TIME, fixtures());
        assertTrue(table.out().contains(root.at("/summary/line").asText()), "the same summary in both formats");
    }

    @Test
    void policiesOptionSelects() throws Exception {
        Cli.Result result = Cli.run("scan", "--time", TIME, "--format", "json", "--policies", "lambda-tracing-*",
                fixtures() + "/items/lambda-tracing-active");

        JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals(1, root.at("/summary/policies").asInt(), result.describe());
        for (JsonNode resource : root.get("resources")) {
            for (JsonNode finding : resource.get("findings")) {
                assertEquals("lambda-tracing-active", finding.get("policy").asText());
            }
        }
        assertEquals(ExitCode.FINDINGS, result.exitCode(), "the pass-through fixture violates the policy");
    }

    @Test
    void compliantItemExitsZero() {
        Cli.Result result = Cli.run("scan", "--time", TIME, "--policies", "lambda-tracing-active",
                fixtures() + "/items/lambda-tracing-active/compliant-active.json");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertTrue(result.out().contains("COMPLIANT"), result.out());
    }

    @Test
    void folderWithoutItemsIsInputError() throws Exception {
        Files.writeString(dir.resolve("list.json"), "[1, 2, 3]");

        Cli.Result result = Cli.run("scan", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("no configuration item or Config event found"), result.err());
        assertTrue(result.err().contains("list.json: not a configuration item or a Config event"), result.err());
    }

    @Test
    void unknownPolicyIsUsageError() {
        Cli.Result result = Cli.run("scan", "--policies", "lambda-no-such-check", fixtures());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith("lambda-shield: error: invalid parameter 'policies': "), result.err());
        assertTrue(result.err().contains("lambda-no-such-check"), result.err());
    }

    @Test
    void htmlAndSarifGoToFiles() throws Exception {
        Path html = dir.resolve("report.html");
        Path sarif = dir.resolve("report.sarif");

        Cli.Result htmlRun = Cli.run("scan", "--time", TIME, "--format", "html", "--output", html.toString(), fixtures());
        Cli.Result sarifRun = Cli.run("scan", "--time", TIME, "-f", "sarif", "-o", sarif.toString(), fixtures());

        assertEquals(ExitCode.FINDINGS, htmlRun.exitCode(), htmlRun.describe());
        assertEquals("", htmlRun.out(), "the report goes to the file, not stdout");
        assertTrue(htmlRun.err().contains("wrote the html report to " + html), htmlRun.err());
        assertTrue(Files.readString(html).contains("<svg id=\"violations-chart\""));
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        assertTrue(log.at("/runs/0/results").size() > 0, sarifRun.describe());
    }

    @Test
    void asffFindingsCarryPolicyAndSeverity() throws Exception {
        Cli.Result result = Cli.run("scan", "--time", TIME, "--format", "asff", "--policies", "lambda-tracing-active",
                fixtures() + "/items/lambda-tracing-active/noncompliant-pass-through.json");

        JsonNode finding = new ObjectMapper().readTree(result.out()).at("/Findings/0");
        assertEquals("2018-10-08", finding.get("SchemaVersion").asText(), result.describe());
        assertEquals("lambda-tracing-active", finding.get("GeneratorId").asText());
        assertEquals("LOW", finding.at("/Severity/Label").asText());
        assertEquals("FAILED", finding.at("/Compliance/Status").asText());
    }

    @Test
    void missingPathIsOneLineError() {
        Path missing = dir.resolve("absent");

        Cli.Result result = Cli.run("scan", missing.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals("lambda-shield: error: " + missing + ": file or folder not found", result.err().strip());
    }

    @Test
    void malformedJsonIsOneLineError() throws Exception {
        Path bad = dir.resolve("event.json");
        Files.writeString(bad, "{\"invokingEvent\": \"{}\",\n  \"resultToken\": }");

        Cli.Result result = Cli.run("scan", dir.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("lambda-shield: error: " + bad + ":2:"), result.err());
        assertTrue(result.err().contains("invalid JSON"), result.err());
    }

    @Test
    void policyWithSyntaxErrorIsOneLineError() throws Exception {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("broken.rego"), "package lambda_shield.broken\n\ndeny contains msg if {\n");

        Cli.Result result = Cli.run("scan", "--policy-dir", policies.toString(), fixtures());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("broken.rego:"), result.err());
        assertTrue(result.err().contains("rego_parse_error"), result.err());
    }

    @Test
    void unrecognizedFilesAreListedAsSkipped() throws Exception {
        Files.writeString(dir.resolve("notes.json"), "{\"hello\": \"world\"}");
        Files.copy(Path.of(fixtures(), "items/lambda-tracing-active/compliant-active.json"), dir.resolve("item.json"));

        Cli.Result result = Cli.run("scan", "--time", TIME, dir.toString());

        assertTrue(result.out().contains("skipped " + dir.resolve("notes.json")
                + ": not a configuration item or a Config event"), result.out());
    }

    @Test
    void pathAndAwsTogetherAreUsageError() {
        Cli.Result result = Cli.run("scan", "--aws", "--region", "us-east-1", fixtures());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("give either PATH or --aws, not both"), result.err());
    }

    @Test
    void invalidFormatIsUsageError() {
        Cli.Result result = Cli.run("scan", "--format", "pdf", fixtures());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("invalid format 'pdf'"), result.err());
    }
}
