package dev.lambdashield.rego.testing;

import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.compile.CompiledRule;
import dev.lambdashield.rego.compile.RuleSet;
import dev.lambdashield.rego.compile.RuleTree;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.Value;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs Rego unit tests as {@code opa test} does: every rule whose name starts with {@code test_}
 * is a test that passes when its value is {@code true}; rules named {@code todo_test_*} are
 * reported as skipped. Functions are never tests.
 */
public final class TestRunner {

    private final Pattern filter;
    private final Duration timeout;
    private final EvalOptions baseOptions;

    /**
     * @param filter  runs only tests whose full name (e.g. {@code data.pkg.test_x}) contains a match; null runs all
     * @param timeout the deadline of each test
     * @param baseOptions input, built-in error mode and coverage recorder for every test; its print sink and
     *                    deadline are replaced. A {@link dev.lambdashield.rego.coverage.CoverageCollector} set
     *                    with {@code coverage(...)} collects the lines the whole run reaches.
     */
    public TestRunner(Pattern filter, Duration timeout, EvalOptions baseOptions) {
        this.filter = filter;
        this.timeout = timeout;
        this.baseOptions = baseOptions;
    }

    public TestReport run(CompiledPolicy policy) {
        List<TestResult> results = new ArrayList<>();
        for (RuleSet test : discover(policy.program().ruleTree().root(), new ArrayList<>())) {
            String name = test.pathText();
            if (filter == null || filter.matcher(name).find()) {
                results.add(runOne(policy, test));
            }
        }
        return new TestReport(results);
    }

    /** Returns the test rule sets below a node, in path order. */
    static List<RuleSet> discover(RuleTree.Node node, List<RuleSet> out) {
        RuleSet rules = node.rules();
        if (rules != null && !rules.isFunction() && isTestName(last(rules.path()))) {
            out.add(rules);
        }
        for (RuleTree.Node child : node.children().values()) {
            discover(child, out);
        }
        return out;
    }

    private static boolean isTestName(String name) {
        return name.startsWith("test_") || name.startsWith("todo_test_");
    }

    private static String last(List<String> path) {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    private TestResult runOne(CompiledPolicy policy, RuleSet test) {
        String name = test.pathText();
        CompiledRule first = test.rules().isEmpty() ? test.defaultRule() : test.rules().get(0);
        if (last(test.path()).startsWith("todo_")) {
            return new TestResult(name, first.rule().location(), TestOutcome.SKIPPED, Duration.ZERO, List.of(), "");
        }
        List<String> output = new ArrayList<>();
        EvalOptions options = EvalOptions.builder()
                .input(baseOptions.input())
                .strictBuiltinErrors(baseOptions.strictBuiltinErrors())
                .coverage(baseOptions.coverage())
                .printSink(output::add)
                .deadline(Instant.now().plus(timeout))
                .build();
        long start = System.nanoTime();
        TestOutcome outcome;
        String error = "";
        try {
            Optional<Value> value = policy.evaluate(name, options);
            outcome = value.isPresent() && value.get().equals(BooleanValue.TRUE) ? TestOutcome.PASS : TestOutcome.FAIL;
        } catch (RegoException e) {
            outcome = TestOutcome.ERROR;
            error = e.getMessage();
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        return new TestResult(name, first.rule().location(), outcome, duration, output, error);
    }
}
