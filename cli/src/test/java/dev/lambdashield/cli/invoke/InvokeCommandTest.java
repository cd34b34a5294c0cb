package dev.lambdashield.cli.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvokeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path event(String name) {
        return Cli.repoRoot().resolve("test-fixtures/events/" + name + ".json");
    }

    /** Returns the dry-run lines of one operation. */
    private static List<JsonNode> requests(Cli.Result result, String operation) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : result.out().lines().toList()) {
            JsonNode node = JSON.readTree(line);
            if (node.get("operation").asText().equals(operation)) {
                found.add(node);
            }
        }
        return found;
    }

    @Test
    void dryRunPrintsPutEvaluations() throws Exception {
        Cli.Result result = Cli.run("invoke", "--event", event("change-noncompliant").toString(), "--dry-run");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        List<JsonNode> puts = requests(result, "PutEvaluations");
        assertEquals(1, puts.size(), result.out());
        JsonNode evaluation = puts.get(0).at("/request/Evaluations/0");
        assertEquals("billing-webhook", evaluation.get("ComplianceResourceId").asText());
        assertEquals("NON_COMPLIANT", evaluation.get("ComplianceType").asText());
        assertTrue(evaluation.get("Annotation").asText().startsWith("lambda-function-not-public, lambda-tracing-active: "),
                evaluation.toString());
        assertTrue(result.err().contains("invocation succeeded"), result.err());
    }

    @Test
    void oversizedEventReadsRecordedHistory() throws Exception {
        Cli.Result result = Cli.run("invoke", "--event", event("oversized").toString(), "--dry-run");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        JsonNode expected = JSON.readTree(Cli.repoRoot().resolve("test-fixtures/events/oversized.expected.json")
                .toFile()).at("/evaluations/0");
        JsonNode evaluation = requests(result, "PutEvaluations").get(0).at("/request/Evaluations/0");
        assertEquals(expected.get("ComplianceResourceId").asText(), evaluation.get("ComplianceResourceId").asText());
        assertEquals(expected.get("ComplianceType").asText(), evaluation.get("ComplianceType").asText());
    }

    @Test
    void malformedEventIsOneLineError() throws Exception {
        Path bad = dir.resolve("event.json");
        Files.writeString(bad, "{\"invokingEvent\": \"{\\\"messageType\\\": 1}\",");

        Cli.Result result = Cli.run("invoke", "--event", bad.toString(), "--dry-run");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("lambda-shield: error: " + bad + ":1:"), result.err());
        assertTrue(result.err().contains("invalid JSON"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void malformedInvokingEventIsUsageError() throws Exception {
        Path bad = dir.resolve("event.json");
        Files.writeString(bad, "{\"invokingEvent\": \"{not json\", \"configRuleArn\": "
                + "\"arn:aws:config:us-east-1:123456789012:config-rule/config-rule-x\", \"resultToken\": \"t\"}");

        Cli.Result result = Cli.run("invoke", "--event", bad.toString(), "--dry-run");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("lambda-shield: error: " + bad + ": the invocation failed: invalid_event"),
                result.err());
        assertTrue(result.err().contains("invokingEvent is not valid JSON"), result.err());
    }

    @Test
    void notAnEventIsUsageError() throws Exception {
        Path item = Cli.repoRoot().resolve("test-fixtures/items/lambda-tracing-active/compliant-active.json");

        Cli.Result result = Cli.run("invoke", "--event", item.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals("lambda-shield: error: " + item + ": not a Config rule event: 'invokingEvent' must be a JSON "
                + "string", result.err().strip());
    }

    @Test
    void missingEventFileIsUsageError() {
        Path missing = dir.resolve("absent.json");

        Cli.Result result = Cli.run("invoke", "--event", missing.toString());

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertEquals("lambda-shield: error: " + missing + ": file not found", result.err().strip());
    }

    @Test
    void eventOptionIsRequired() {
        Cli.Result result = Cli.run("invoke", "--dry-run");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("--event"), result.err());
    }
}
