package dev.lambdashield.rego.coverage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.testing.TestReport;
import dev.lambdashield.rego.testing.TestRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageReportTest {

    private static final String POLICY = """
            package sample

            default allow := false

            allow if {
            	input.role == "admin"
            	input.active
            }

            deny contains "blocked" if {
            	input.blocked
            	input.score > 100
            }

            level := "high" if {
            	input.score > 5
            } else := "low"

            unused if input.never
            """;

    private static final String INPUT = """
            {"role": "admin", "active": true, "blocked": false, "score": 1}
            """;

    private static FileCoverage evaluateSample(String... references) {
        CompiledPolicy policy = Rego.compiler().module("sample.rego", POLICY).compile();
        CoverageCollector collector = new CoverageCollector();
        EvalOptions options = EvalOptions.builder().inputJson(INPUT).coverage(collector).build();
        for (String reference : references) {
            policy.evaluate(reference, options);
        }
        return CoverageReport.of(policy, collector).files().get("sample.rego");
    }

    private static List<LineRange> lines(int... startEndPairs) {
        List<LineRange> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < startEndPairs.length; i += 2) {
            ranges.add(new LineRange(startEndPairs[i], startEndPairs[i + 1]));
        }
        return ranges;
    }

    @Test
    void unreachedLinesAreNotCovered() {
        FileCoverage file = evaluateSample("data.sample.allow", "data.sample.deny", "data.sample.level");

        // Covered: allow's head and body, deny's first expression, level's condition and its else branch.
        assertEquals(lines(5, 7, 11, 11, 16, 17), file.covered());
        // Not covered: the unused default, deny's head and unreached second expression, level's
        // first head (its body failed) and the rule nothing evaluates.
        assertEquals(lines(3, 3, 10, 10, 12, 12, 15, 15, 19, 19), file.notCovered());
        assertEquals(6, file.coveredLines());
        assertEquals(5, file.notCoveredLines());
        assertEquals(54.55, file.percent());
    }

    @Test
    void nothingEvaluatedCoversNothing() {
        FileCoverage file = evaluateSample();

        assertEquals(List.of(), file.covered());
        assertEquals(11, file.notCoveredLines());
        assertEquals(0.0, file.percent());
    }

    @Test
    void defaultValueCoversDefaultLine() {
        CompiledPolicy policy = Rego.compiler().module("sample.rego", POLICY).compile();
        CoverageCollector collector = new CoverageCollector();
        policy.evaluate("data.sample.allow", EvalOptions.builder().inputJson("{\"role\": \"guest\"}")
                .coverage(collector).build());

        FileCoverage file = CoverageReport.of(policy, collector).files().get("sample.rego");

        // The index skips allow's body for role "guest", so only the default line is reached.
        assertEquals(lines(3, 3), file.covered());
    }

    @Test
    void bodylessRuleCountsOnItsOwnLine() {
        CompiledPolicy policy = Rego.compiler().module("consts.rego", """
                package consts

                a := 1
                b := 2
                """).compile();
        CoverageCollector collector = new CoverageCollector();
        policy.evaluate("data.consts.a", EvalOptions.builder().coverage(collector).build());

        FileCoverage file = CoverageReport.of(policy, collector).files().get("consts.rego");

        assertEquals(lines(3, 3), file.covered());
        assertEquals(lines(4, 4), file.notCovered());
    }

    @Test
    void comprehensionAndEveryBodiesAreCounted() {
        CompiledPolicy policy = Rego.compiler().module("nested.rego", """
                package nested

                names := [n |
                	some f in input.functions
                	n := f.name
                ]

                all_small if {
                	every f in input.functions {
                		f.size < 10
                	}
                }
                """).compile();
        CoverageCollector collector = new CoverageCollector();
        EvalOptions options = EvalOptions.builder().coverage(collector)
                .inputJson("{\"functions\": [{\"name\": \"a\", \"size\": 20}]}").build();
        policy.evaluate("data.nested.names", options);
        policy.evaluate("data.nested.all_small", options);

        FileCoverage file = CoverageReport.of(policy, collector).files().get("nested.rego");

        // all_small's head (line 8) produced no value because the size check failed.
        assertEquals(lines(3, 5, 9, 10), file.covered());
        assertEquals(lines(8, 8), file.notCovered());
    }

    @Test
    void testRunCoverageLeavesOutTestFiles() {
        CompiledPolicy policy = Rego.compiler()
                .module("sample.rego", POLICY)
                .module("sample_test.rego", """
                        package sample_test

                        import data.sample

                        test_admin_allowed if sample.allow with input as {"role": "admin", "active": true}
                        """)
                .compile();
        CoverageCollector collector = new CoverageCollector();

        TestReport tests = new TestRunner(null, Duration.ofSeconds(10), EvalOptions.builder().coverage(collector).build())
                .run(policy);
        CoverageReport report = CoverageReport.of(policy, collector);

        assertTrue(tests.succeeded(), tests.summaryLine());
        assertEquals(List.of("sample.rego"), List.copyOf(report.files().keySet()));
        assertEquals(lines(5, 7), report.files().get("sample.rego").covered());
        assertEquals(3, report.coveredLines());
        assertEquals(8, report.notCoveredLines());
        assertEquals(27.27, report.percent());
    }

    @Test
    void testFilesIncludedOnRequest() {
        CompiledPolicy policy = Rego.compiler()
                .module("sample.rego", POLICY)
                .module("sample_test.rego", """
                        package sample_test

                        test_true if true
                        """)
                .compile();
        CoverageCollector collector = new CoverageCollector();
        new TestRunner(null, Duration.ofSeconds(10), EvalOptions.builder().coverage(collector).build()).run(policy);

        CoverageReport report = CoverageReport.of(policy.program().modules(), collector, true);

        assertEquals(lines(3, 3), report.files().get("sample_test.rego").covered());
        assertEquals(100.0, report.files().get("sample_test.rego").percent());
    }

    @Test
    void filesSortedByName() {
        CompiledPolicy policy = Rego.compiler()
                .module("policies/zeta.rego", "package zeta\n\nz := 1\n")
                .module("policies/alpha.rego", "package alpha\n\na := 1\n")
                .module("policies/mid.rego", "package mid\n\nm := 1\n")
                .compile();

        CoverageReport report = CoverageReport.of(policy, new CoverageCollector());

        assertEquals(List.of("policies/alpha.rego", "policies/mid.rego", "policies/zeta.rego"),
                List.copyOf(report.files().keySet()));
    }

    @Test
    void jsonFollowsOpaLayout() {
        FileCoverage file = evaluateSample("data.sample.allow");
        CoverageReport report = new CoverageReport(java.util.Map.of(file.file(), file));

        ObjectNode json = CoverageJson.toJson(report);

        assertEquals(5, json.at("/files/sample.rego/covered/0/start/row").asInt());
        assertEquals(7, json.at("/files/sample.rego/covered/0/end/row").asInt());
        assertEquals(3, json.at("/files/sample.rego/not_covered/0/start/row").asInt());
        assertEquals(3, json.at("/files/sample.rego/covered_lines").asInt());
        assertEquals(8, json.at("/files/sample.rego/not_covered_lines").asInt());
        assertEquals(27.27, json.at("/files/sample.rego/coverage").asDouble());
        assertEquals(3, json.get("covered_lines").asInt());
        assertEquals(27.27, json.get("coverage").asDouble());
    }
}
