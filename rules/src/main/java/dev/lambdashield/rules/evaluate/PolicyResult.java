package dev.lambdashield.rules.evaluate;

import java.util.List;
import java.util.Optional;

/**
 * The result of one policy on one resource.
 *
 * @param policy  the policy's metadata
 * @param denies  the violations ({@code deny}); any makes the resource NON_COMPLIANT
 * @param warns   the advisories ({@code warn}); they never change compliance
 * @param error   set when the policy failed to evaluate; then {@code denies} and {@code warns} are empty
 */
public record PolicyResult(PolicyMetadata policy, List<Violation> denies, List<Violation> warns, PolicyError error) {

    public PolicyResult {
        denies = List.copyOf(denies);
        warns = List.copyOf(warns);
    }

    public static PolicyResult failed(PolicyMetadata policy, PolicyError error) {
        return new PolicyResult(policy, List.of(), List.of(), error);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean denied() {
        return !denies.isEmpty();
    }

    public Optional<PolicyError> errorIfAny() {
        return Optional.ofNullable(error);
    }
}
