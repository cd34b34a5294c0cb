package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.ast.Location;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata of one policy, read from its package's {@code # METADATA} block (see docs/policy-contract.md).
 *
 * @param id            stable kebab-case id, e.g. {@code lambda-tracing-active}
 * @param title         one-line title
 * @param description   longer explanation
 * @param severity      Security Hub severity label
 * @param resourceTypes the Config resource types the policy covers
 * @param controls      the controls it maps to, e.g. {@code Security Hub Lambda.1}
 * @param parameters    declared parameters by name, in declaration order
 * @param remediation   the remediation, or {@code null} when the policy declares none
 * @param enrichment    enrichment sources it needs ({@code function_url}, {@code code_signing},
 *                      {@code execution_role}); empty when none
 * @param version       semantic version of the policy
 * @param packagePath   the Rego package as a data path, e.g. {@code data.lambda_shield.lambda_tracing_active}
 * @param location      where the {@code # METADATA} block is, e.g. {@code policies/tracing.rego:1:1}
 */
public record PolicyMetadata(String id, String title, String description, Severity severity,
                             List<String> resourceTypes, List<String> controls, Map<String, ParameterSpec> parameters,
                             Remediation remediation, List<String> enrichment, String version, String packagePath,
                             Location location) {

    public PolicyMetadata {
        resourceTypes = List.copyOf(resourceTypes);
        controls = List.copyOf(controls);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        enrichment = List.copyOf(enrichment);
    }

    /** Whether the policy evaluates resources of this Config type. */
    public boolean covers(String resourceType) {
        return resourceTypes.contains(resourceType);
    }

    /** The remediation, if the policy declares one. */
    public Optional<Remediation> remediationIfAny() {
        return Optional.ofNullable(remediation);
    }
}
