package dev.lambdashield.rules.report;

import java.util.List;

/**
 * What one sink did with an invocation's decisions.
 *
 * @param sink      the sink's name, e.g. {@code config}
 * @param delivered how many items (evaluations, findings, ...) were accepted
 * @param failures  what could not be delivered, one readable line each; non-empty makes the invocation fail
 */
public record SinkOutcome(String sink, int delivered, List<String> failures) {

    public SinkOutcome {
        failures = List.copyOf(failures);
    }

    public static SinkOutcome ok(String sink, int delivered) {
        return new SinkOutcome(sink, delivered, List.of());
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
