package dev.lambdashield.rego.testing;

import java.util.List;

/** The results of a test run and its closing line. */
public record TestReport(List<TestResult> results) {

    public TestReport {
        results = List.copyOf(results);
    }

    public long count(TestOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Returns true when no test failed or raised an error. */
    public boolean succeeded() {
        return count(TestOutcome.FAIL) + count(TestOutcome.ERROR) == 0;
    }

    /** Returns {@code N passed, M failed}, where errors count as failures, plus skipped tests if any. */
    public String summaryLine() {
        long failed = count(TestOutcome.FAIL) + count(TestOutcome.ERROR);
        long skipped = count(TestOutcome.SKIPPED);
        return count(TestOutcome.PASS) + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
