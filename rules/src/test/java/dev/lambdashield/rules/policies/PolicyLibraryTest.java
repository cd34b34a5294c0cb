package dev.lambdashield.rules.policies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.testing.TestOutcome;
import dev.lambdashield.rego.testing.TestReport;
import dev.lambdashield.rego.testing.TestResult;
import dev.lambdashield.rego.testing.TestRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Rego unit tests of the policy library ({@code policies/*_test.rego}) with the engine's test runner,
 * as {@code opa test policies/} would: every module and every {@code policies/data/*.json} file, merged into
 * {@code data} at the root as docs/policy-contract.md describes.
 */
class PolicyLibraryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path policiesDirectory() {
        String root = System.getProperty("lambdashield.repo.root");
        Path repository = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        return repository.resolve("policies");
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    private static CompiledPolicy compileLibrary(Path policies) throws IOException {
        Rego compiler = Rego.compiler();
        for (Path module : files(policies, ".rego")) {
            compiler.module("policies/" + module.getFileName(), Files.readString(module));
        }
        ObjectNode data = JSON.createObjectNode();
        for (Path file : files(policies.resolve("data"), ".json")) {
            JsonNode document = JSON.readTree(file.toFile());
            for (Map.Entry<String, JsonNode> member : document.properties()) {
                JsonNode existing = data.get(member.getKey());
                if (existing instanceof ObjectNode object && member.getValue() instanceof ObjectNode addition) {
                    object.setAll(addition);
                } else {
                    data.set(member.getKey(), member.getValue());
                }
            }
        }
        return compiler.data(data).compile();
    }

    @Test
    void regoUnitTests_allPass() throws IOException {
        Path policies = policiesDirectory();
        CompiledPolicy library = compileLibrary(policies);
        TestRunner runner = new TestRunner(null, Duration.ofSeconds(30), EvalOptions.defaults());

        TestReport report = runner.run(library);

        String problems = report.results().stream().filter(r -> r.outcome() != TestOutcome.PASS)
                .map(PolicyLibraryTest::describe).collect(Collectors.joining("\n"));
        assertEquals(0, report.count(TestOutcome.FAIL) + report.count(TestOutcome.ERROR)
                + report.count(TestOutcome.SKIPPED), report.summaryLine() + "\n" + problems);
        long testFiles = files(policies, "_test.rego").size();
        long policyFiles = files(policies, ".rego").size() - testFiles;
        assertEquals(policyFiles, testFiles, "every policy needs a _test.rego beside it");
        assertTrue(report.count(TestOutcome.PASS) >= 2 * policyFiles,
                "expected at least a passing and a failing case per policy: " + report.summaryLine());
    }

    private static String describe(TestResult result) {
        return result.outcome() + " " + result.name() + " at " + result.location() + " " + result.error();
    }
}
