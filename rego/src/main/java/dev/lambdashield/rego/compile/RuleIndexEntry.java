package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.value.Value;

import java.util.List;

/**
 * A precondition of a rule body, found by the rule index: the body can only succeed when the
 * input document has {@code expected} at {@code inputPath}. The evaluator checks it before
 * evaluating the body, so that rules keyed on, for example, the resource type are skipped
 * cheaply for other inputs.
 */
public record RuleIndexEntry(List<Value> inputPath, Value expected) {

    public RuleIndexEntry {
        inputPath = List.copyOf(inputPath);
    }
}
