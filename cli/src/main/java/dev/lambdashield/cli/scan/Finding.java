package dev.lambdashield.cli.scan;

import dev.lambdashield.rules.evaluate.Severity;

import java.util.List;

/**
 * One policy's conclusion about one resource: a violation, a warning, an evaluation error or a pass.
 *
 * @param policyId    the policy's stable id
 * @param policyTitle the policy's title
 * @param severity    the policy's severity
 * @param kind        what the policy concluded
 * @param message     the policy's message; for an error, the engine's coded error; empty for a pass
 * @param path        the offending field as path segments, empty when the policy gave none
 * @param controls    the controls the policy maps to
 */
public record Finding(String policyId, String policyTitle, Severity severity, FindingKind kind, String message,
                      List<String> path, List<String> controls) {

    public Finding {
        path = List.copyOf(path);
        controls = List.copyOf(controls);
    }
}
