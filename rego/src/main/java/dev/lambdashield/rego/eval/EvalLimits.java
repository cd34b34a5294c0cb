package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;

import java.time.Instant;

/**
 * The deadline and the nesting bound of one evaluation. Both end the query with
 * {@code eval_cancel_error}; the nesting bound keeps deep rule chains from exhausting the stack.
 */
final class EvalLimits {

    /**
     * Maximum nesting of rule, function and comprehension evaluations.
     * NOTE: with the default 1 MB thread stack the stack runs out after a few hundred nested rules;
     * {@link Evaluation#run} reports that as {@code eval_cancel_error} too.
     */
    static final int MAX_DEPTH = 2_000;

    /** The clock is read once per this many steps, to keep the check cheap. */
    private static final int CLOCK_INTERVAL = 256;

    private final Instant deadline;
    private int steps;
    private int depth;

    EvalLimits(Instant deadline) {
        this.deadline = deadline;
    }

    void step(Location at) {
        if (deadline != null && ++steps % CLOCK_INTERVAL == 0) {
            checkDeadline(at);
        }
    }

    void checkDeadline(Location at) {
        if (deadline != null && Instant.now().isAfter(deadline)) {
            throw new RegoException(ErrorCode.EVAL_CANCEL, "evaluation cancelled: the deadline passed", at);
        }
    }

    void enter(Location at) {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new RegoException(ErrorCode.EVAL_CANCEL,
                    "evaluation cancelled: nesting is deeper than " + MAX_DEPTH + " levels", at);
        }
    }

    void leave() {
        if (depth > 0) {
            depth--;
        }
    }
}
