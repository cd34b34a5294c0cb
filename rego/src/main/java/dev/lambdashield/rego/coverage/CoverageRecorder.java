package dev.lambdashield.rego.coverage;

import dev.lambdashield.rego.ast.Location;

/**
 * Receives the source locations that an evaluation reaches, for coverage reports. The evaluator
 * calls it from the thread that runs the query; an implementation shared by concurrent queries
 * must be thread-safe.
 */
public interface CoverageRecorder {

    /** Records that evaluation reached the expression at {@code location}, whether or not it succeeded. */
    void expression(Location location);

    /** Records that the rule whose head is at {@code location} produced a value. */
    void ruleHead(Location location);
}
