package dev.lambdashield.cli.rego;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rego.testing.TestReport;
import dev.lambdashield.rego.testing.TestResult;

import java.io.PrintWriter;

/** Prints the results of {@code test --format json}: one object per test, in run order. */
final class TestResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestResultJson() {
    }

    static void print(TestReport report, PrintWriter out) {
        ArrayNode results = JSON.createArrayNode();
        for (TestResult result : report.results()) {
            ObjectNode node = results.addObject();
            node.put("name", result.name());
            node.put("outcome", result.outcome().name());
            ObjectNode location = node.putObject("location");
            location.put("file", result.location().file());
            location.put("row", result.location().line());
            location.put("col", result.location().column());
            node.put("duration_ns", result.duration().toNanos());
            if (!result.error().isEmpty()) {
                node.put("error", result.error());
            }
            if (!result.output().isEmpty()) {
                ArrayNode output = node.putArray("output");
                result.output().forEach(output::add);
            }
        }
        try {
            out.println(JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print the test results as JSON", e);
        }
    }
}
