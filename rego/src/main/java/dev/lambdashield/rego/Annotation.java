package dev.lambdashield.rego;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.value.ObjectValue;

/**
 * A {@code # METADATA} block of a compiled policy.
 *
 * @param scope    {@code package}, {@code subpackages}, {@code rule} or {@code document}
 * @param path     the annotated path, e.g. {@code data.lambda_shield.public_access} or
 *                 {@code data.lambda_shield.public_access.deny}
 * @param location where the block starts
 * @param fields   the YAML fields as a Rego object, including {@code scope}
 */
public record Annotation(String scope, String path, Location location, ObjectValue fields) {
}
