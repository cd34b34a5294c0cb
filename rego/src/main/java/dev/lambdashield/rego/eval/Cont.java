package dev.lambdashield.rego.eval;

/**
 * The rest of a search: the evaluator calls it for each solution. It returns true to stop the
 * search (a negation or {@code every} has seen enough, or an error unwinds), false to go on
 * backtracking.
 */
@FunctionalInterface
interface Cont {

    boolean run();
}
