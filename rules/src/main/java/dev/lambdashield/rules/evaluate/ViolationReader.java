package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.util.ArrayList;
import java.util.List;

/** Reads the elements of a {@code deny} or {@code warn} set into {@link Violation}s, in the set's order. */
final class ViolationReader {

    private ViolationReader() {
    }

    /**
     * @throws IllegalArgumentException when the rule's value is not a set, which the contract requires
     */
    static List<Violation> read(Value value, String rule) {
        List<Violation> violations = new ArrayList<>();
        if (value == null) {
            return violations;
        }
        if (!(value instanceof SetValue set)) {
            throw new IllegalArgumentException(rule + " must be a set (declare it with 'contains'), found "
                    + value.typeName());
        }
        for (Value element : set.elements()) {
            violations.add(toViolation(element));
        }
        return violations;
    }

    private static Violation toViolation(Value element) {
        if (element instanceof StringValue s) {
            return new Violation(s.value(), List.of(), element);
        }
        if (element instanceof ObjectValue object) {
            Value message = object.get("message");
            String text = message instanceof StringValue s ? s.value() : ValueJson.toRegoText(element);
            return new Violation(text, path(object.get("path")), element);
        }
        return new Violation(ValueJson.toRegoText(element), List.of(), element);
    }

    private static List<String> path(Value path) {
        List<String> segments = new ArrayList<>();
        if (path instanceof ArrayValue array) {
            for (Value segment : array.elements()) {
                segments.add(segment instanceof StringValue s ? s.value() : ValueJson.toRegoText(segment));
            }
        }
        return segments;
    }
}
