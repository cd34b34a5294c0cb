package dev.lambdashield.rego.testing;

import dev.lambdashield.rego.ast.Location;

import java.time.Duration;
import java.util.List;

/**
 * The result of one test.
 *
 * @param name     the rule's full path, e.g. {@code data.lambda_shield.tracing_test.test_active}
 * @param output   the lines {@code print} wrote during the test
 * @param error    the error message for {@link TestOutcome#ERROR}, otherwise empty
 */
public record TestResult(String name, Location location, TestOutcome outcome, Duration duration,
                         List<String> output, String error) {

    public TestResult {
        output = List.copyOf(output);
    }
}
