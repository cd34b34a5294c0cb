package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.ast.Location;

/**
 * Why a policy failed to evaluate for one resource.
 *
 * @param code     the engine's error code, e.g. {@code eval_conflict_error}, {@code eval_cancel_error}
 * @param message  the engine's message
 * @param location where in the policy it failed, or {@link Location#UNKNOWN}
 */
public record PolicyError(String code, String message, Location location) {

    @Override
    public String toString() {
        return location + ": " + code + ": " + message;
    }
}
