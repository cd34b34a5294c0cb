package dev.lambdashield.cli.rego;

import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.coverage.CoverageCollector;
import dev.lambdashield.rego.coverage.CoverageReport;
import dev.lambdashield.rego.testing.TestOutcome;
import dev.lambdashield.rego.testing.TestReport;
import dev.lambdashield.rego.testing.TestResult;
import dev.lambdashield.rego.testing.TestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Runs Rego unit tests, as {@code opa test} does. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run Rego unit tests, like 'opa test'.",
            "Every rule named test_* is a test that passes when it is true; todo_test_* rules are skipped. "
                    + "Failures and errors are listed with their location and print() output, then "
                    + "'N passed, M failed'. Exit code 1 when any test fails or raises an error.",
            "With --coverage, also prints the share of rule-head and body-expression lines the tests evaluated, "
                    + "per policy file (files named *_test.rego are left out)."})
public final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Policy and test files or folders.")
    List<String> paths;

    @Mixin
    RegoOptions rego;

    @Option(names = {"-r", "--run"}, paramLabel = "REGEX",
            description = "Run only tests whose full name (e.g. data.pkg.test_x) contains a match.")
    String run;

    @Option(names = {"-v", "--verbose"}, description = "List every test with its outcome and duration.")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Deadline of each test, in seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = {"-c", "--coverage"},
            description = "Report, per policy file, the percentage of rule-head and body-expression lines evaluated "
                    + "and the lines not covered.")
    boolean coverage;

    @Option(names = "--threshold", paramLabel = "PERCENT",
            description = "With --coverage: exit with code 1 when total coverage is below PERCENT (0 to 100).")
    Double threshold;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "pretty",
            description = "Output format: pretty or json (default ${DEFAULT-VALUE}). With --coverage, json prints "
                    + "the coverage report in the layout of 'opa test --coverage'; otherwise it prints the test results.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Pattern filter = filter();
        checkOptions();
        SourceSet sources = SourceSet.load(rego.allPaths(paths));
        if (sources.modules().isEmpty()) {
            throw new CliException(String.join(", ", paths) + ": no .rego files found");
        }
        CompiledPolicy policy;
        try {
            policy = PolicyCompiler.compile(sources, rego.version(), spec.commandLine().getErr());
        } catch (PolicyCompiler.CompileFailed e) {
            return ExitCode.USAGE;
        }

        CoverageCollector collector = coverage ? new CoverageCollector() : null;
        EvalOptions options = EvalOptions.builder().coverage(collector).build();
        TestReport report = new TestRunner(filter, Duration.ofSeconds(timeoutSeconds), options).run(policy);
        if (report.results().isEmpty()) {
            throw new CliException(String.join(", ", paths) + ": no tests found"
                    + (run == null ? " (rules named test_*)" : " matching --run '" + run + "'"));
        }
        if (!coverage) {
            printResults(report);
            return report.succeeded() ? ExitCode.OK : ExitCode.FINDINGS;
        }
        CoverageReport covered = CoverageReport.of(policy, collector);
        printWithCoverage(report, covered);
        return report.succeeded() && meetsThreshold(covered) ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private void checkOptions() {
        if (timeoutSeconds <= 0) {
            throw new CliException("invalid --timeout " + timeoutSeconds + ": expected a positive number of seconds");
        }
        if (!format.equals("pretty") && !format.equals("json")) {
            throw new CliException("invalid --format '" + format + "': expected pretty or json");
        }
        if (threshold != null && !coverage) {
            throw new CliException("--threshold " + threshold + " needs --coverage: add --coverage to measure it");
        }
        if (threshold != null && (threshold.isNaN() || threshold < 0 || threshold > 100)) {
            throw new CliException("invalid --threshold " + threshold + ": expected a percentage from 0 to 100");
        }
    }

    private void printResults(TestReport report) {
        if (format.equals("json")) {
            TestResultJson.print(report, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
        } else {
            print(report);
        }
    }

    /**
     * Prints the test results and the coverage table. In JSON, prints only the coverage report, as
     * {@code opa test --coverage} does, and writes the summary line of failing tests to stderr so
     * that stdout stays valid JSON.
     */
    private void printWithCoverage(TestReport report, CoverageReport covered) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            CoveragePrinter.printJson(covered, out);
            if (!report.succeeded()) {
                spec.commandLine().getErr().println("lambda-shield: " + report.summaryLine());
            }
        } else {
            print(report);
            CoveragePrinter.printTable(covered, out);
        }
        out.flush();
    }

    private boolean meetsThreshold(CoverageReport covered) {
        if (threshold == null || covered.percent() >= threshold) {
            return true;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("lambda-shield: coverage " + CoveragePrinter.percent(covered.percent()).strip()
                + " is below --threshold " + CoveragePrinter.percent(threshold).strip()
                + "; add tests for the lines not covered or lower the threshold");
        err.flush();
        return false;
    }

    private Pattern filter() {
        if (run == null) {
            return null;
        }
        try {
            return Pattern.compile(run);
        } catch (PatternSyntaxException e) {
            throw new CliException("invalid --run regular expression '" + run + "': " + e.getDescription());
        }
    }

    private void print(TestReport report) {
        PrintWriter out = spec.commandLine().getOut();
        for (TestResult result : report.results()) {
            boolean failed = result.outcome() == TestOutcome.FAIL || result.outcome() == TestOutcome.ERROR;
            if (!failed && !verbose) {
                continue;
            }
            out.println(result.outcome() + ": " + result.name() + " (" + result.location() + ")"
                    + (verbose ? " " + millis(result.duration()) : ""));
            if (result.outcome() == TestOutcome.ERROR && !result.error().isEmpty()) {
                out.println("  " + result.error().replace("\n", "\n  "));
            }
            if (failed || verbose) {
                result.output().forEach(line -> out.println("  " + line));
            }
        }
        out.println("--------------------------------------------------------------------------------");
        out.println(report.summaryLine());
        out.flush();
    }

    private static String millis(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fms", duration.toNanos() / 1e6);
    }
}
