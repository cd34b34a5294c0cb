package dev.lambdashield.rules.handler;

import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.report.SinkOutcome;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one invocation.
 *
 * @param requestId   the Lambda request id
 * @param messageType the invoking event's message type
 * @param decisions   one per resource, in collection order
 * @param outcomes    one per sink, in sink order
 * @param complete    false when resources were left for the next run because time ran low
 * @param skipped     resources not evaluated because time ran low
 * @param failures    what went wrong; non-empty means the invocation failed
 */
public record InvocationResult(String requestId, String messageType, List<ResourceDecision> decisions,
                               List<SinkOutcome> outcomes, boolean complete, int skipped, List<String> failures) {

    public InvocationResult {
        decisions = List.copyOf(decisions);
        outcomes = List.copyOf(outcomes);
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }

    /** Decisions counted by compliance. */
    public Map<Compliance, Integer> counts() {
        Map<Compliance, Integer> counts = new EnumMap<>(Compliance.class);
        for (Compliance c : Compliance.values()) {
            counts.put(c, 0);
        }
        decisions.forEach(d -> counts.merge(d.compliance(), 1, Integer::sum));
        return counts;
    }
}
