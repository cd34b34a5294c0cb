package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.compile.RuleSet;
import dev.lambdashield.rego.compile.RuleTree;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replacements that {@code with} modifiers make for the expressions being evaluated: the
 * input, documents below {@code data}, and functions. Each frame has its own cache of rule values,
 * because replacing any of these can change every rule's value.
 */
final class WithFrame {

    /** A replacement of part of {@code data}. */
    record DataOverride(List<String> path, Value value) {
    }

    /**
     * A replacement of a function: by a constant value, by a built-in (by name), or by a user
     * function (its rule set).
     */
    record FunctionMock(Value value, String builtin, RuleSet function) {
    }

    private final Value input;
    private final List<DataOverride> overrides;
    private final Map<String, FunctionMock> mocks;
    final Map<RuleTree.Node, Optional<Value>> documentCache = new HashMap<>();

    WithFrame(Value input, List<DataOverride> overrides, Map<String, FunctionMock> mocks) {
        this.input = input;
        this.overrides = List.copyOf(overrides);
        this.mocks = Map.copyOf(mocks);
    }

    static WithFrame root(Value input) {
        return new WithFrame(input, List.of(), Map.of());
    }

    /** Returns the input document, or null when it is undefined. */
    Value input() {
        return input;
    }

    List<DataOverride> overrides() {
        return overrides;
    }

    FunctionMock mock(String name) {
        return mocks.get(name);
    }

    /** Returns this frame without function replacements, for evaluating a replacement function itself. */
    WithFrame withoutMocks() {
        return mocks.isEmpty() ? this : new WithFrame(input, overrides, Map.of());
    }

    WithFrame withInput(Value newInput) {
        return new WithFrame(newInput, overrides, mocks);
    }

    /** Adds a data replacement; a later replacement of a path hides earlier ones below it. */
    WithFrame withOverride(List<String> path, Value value) {
        List<DataOverride> next = new ArrayList<>();
        for (DataOverride o : overrides) {
            if (!startsWith(o.path(), path)) {
                next.add(o);
            }
        }
        next.add(new DataOverride(List.copyOf(path), value));
        return new WithFrame(input, next, mocks);
    }

    WithFrame withMock(String name, FunctionMock mock) {
        Map<String, FunctionMock> next = new HashMap<>(mocks);
        next.put(name, mock);
        return new WithFrame(input, overrides, next);
    }

    static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
