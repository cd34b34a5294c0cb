package dev.lambdashield.rego.testing;

import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.Rego;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestRunnerTest {

    private static final String TESTS = """
            package lib_test

            double(x) := x * 2

            test_double if double(2) == 4
            test_wrong if {
                print("double(3) is", double(3))
                double(3) == 7
            }
            test_error if 1 / 0 == 0
            todo_test_later if false
            test_with_arg(x) if x
            """;

    private static CompiledPolicy policy() {
        return Rego.compiler().module("lib_test.rego", TESTS).compile();
    }

    @Test
    void reportsEachOutcome() {
        TestReport report = new TestRunner(null, Duration.ofSeconds(10),
                EvalOptions.builder().strictBuiltinErrors(true).build()).run(policy());

        List<TestResult> results = report.results();
        assertEquals(4, results.size());
        assertEquals(TestOutcome.PASS, find(report, "test_double").outcome());
        assertEquals(TestOutcome.FAIL, find(report, "test_wrong").outcome());
        assertEquals(TestOutcome.ERROR, find(report, "test_error").outcome());
        assertEquals(TestOutcome.SKIPPED, find(report, "todo_test_later").outcome());
        assertEquals("1 passed, 2 failed, 1 skipped", report.summaryLine());
        assertFalse(report.succeeded());
    }

    @Test
    void capturesPrintOutput() {
        TestReport report = new TestRunner(null, Duration.ofSeconds(10), EvalOptions.defaults()).run(policy());

        assertEquals(List.of("double(3) is 6"), find(report, "test_wrong").output());
    }

    @Test
    void filterSelectsTests() {
        TestReport report = new TestRunner(Pattern.compile("double$"), Duration.ofSeconds(10), EvalOptions.defaults())
                .run(policy());

        assertEquals(1, report.results().size());
        assertTrue(report.succeeded());
        assertEquals("1 passed, 0 failed", report.summaryLine());
    }

    @Test
    void timeoutIsError() {
        CompiledPolicy slow = Rego.compiler().module("slow_test.rego",
                "package slow_test\ntest_slow if count([x | some x in numbers.range(1, 3000000)]) > 0").compile();

        TestReport report = new TestRunner(null, Duration.ofMillis(1), EvalOptions.defaults()).run(slow);

        assertEquals(TestOutcome.ERROR, report.results().get(0).outcome());
        assertTrue(report.results().get(0).error().contains("eval_cancel_error"), report.results().get(0).error());
    }

    private static TestResult find(TestReport report, String name) {
        return report.results().stream().filter(r -> r.name().endsWith("." + name)).findFirst().orElseThrow();
    }
}
