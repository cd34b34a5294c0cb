package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Variable bindings of one rule body (shared with its comprehensions). A trail records the
 * order of bindings so that backtracking can undo them back to a mark.
 */
final class Bindings {

    private final Map<String, Value> values = new HashMap<>();
    private final List<String> trail = new ArrayList<>();

    Value get(String name) {
        return values.get(name);
    }

    boolean isBound(String name) {
        return values.containsKey(name);
    }

    int mark() {
        return trail.size();
    }

    void bind(String name, Value value) {
        values.put(name, value);
        trail.add(name);
    }

    void undo(int mark) {
        for (int i = trail.size() - 1; i >= mark; i--) {
            values.remove(trail.remove(i));
        }
    }

    Map<String, Value> snapshot() {
        return new HashMap<>(values);
    }
}
