package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.value.Value;

import java.util.List;

/**
 * One element of a policy's {@code deny} or {@code warn} set.
 *
 * @param message the message the policy gave
 * @param path    the offending field as path segments (strings, or numbers as decimal text), empty if not given
 * @param raw     the element exactly as the policy produced it, for outputs that show extra fields
 */
public record Violation(String message, List<String> path, Value raw) {

    public Violation {
        path = List.copyOf(path);
    }
}
