package dev.lambdashield.rego.testing;

/** The outcome of one Rego test rule. */
public enum TestOutcome {
    /** The rule's value is {@code true}. */
    PASS,
    /** The rule is undefined or has a value other than {@code true}. */
    FAIL,
    /** Evaluation raised an error, or passed the test's deadline. */
    ERROR,
    /** The rule is named {@code todo_test_*} and was not run. */
    SKIPPED
}
