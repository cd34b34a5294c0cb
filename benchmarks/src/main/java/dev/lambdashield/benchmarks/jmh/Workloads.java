package dev.lambdashield.benchmarks.jmh;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inputs of the engine workloads, deterministic so every run measures the same work. */
public final class Workloads {

    /** Elements of {@code input.numbers} at scale 1 for the deep partial sets. */
    public static final int DEEP_SETS_BASE = 1_000;
    /** Elements at scale 1 for the comprehensions; scale 4 is the 10,000-element case. */
    public static final int COMPREHENSIONS_BASE = 2_500;
    /** Strings of {@code input.strings} at scale 1 for the regex rules. */
    public static final int REGEX_BASE = 250;

    private static final String[] STRING_SHAPES = {
        "arn:aws:lambda:us-east-1:123456789012:function:fn-%d",
        "AKIAIOSFODNN7EX%05d",
        "https://user:pass%d@example.com/path",
        "plain-config-value-%d",
        "arn:aws:iam::123456789012:role/service-role/fn-%d-role",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkw%d.sig",
        "/aws/reference/secretsmanager/app-%d",
        "2026-12-01T09:02:13.%03dZ",
    };

    private Workloads() {
    }

    /** {@code {"numbers": [0, 1, ..., n-1]}}. */
    public static ObjectValue numbers(int n) {
        List<Value> numbers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            numbers.add(NumberValue.of(i));
        }
        return ObjectValue.builder().put("numbers", ArrayValue.of(numbers)).build();
    }

    /** {@code {"strings": [...]}}: n strings cycling through ARNs, key-like, URL and plain shapes. */
    public static ObjectValue strings(int n) {
        List<Value> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(StringValue.of(String.format(STRING_SHAPES[i % STRING_SHAPES.length], i % 1000)));
        }
        return ObjectValue.builder().put("strings", ArrayValue.of(strings)).build();
    }

    public static void requireDefined(Optional<Value> result, String workload) {
        if (result.isEmpty()) {
            throw new IllegalStateException("the " + workload + " workload evaluated to undefined");
        }
    }
}
