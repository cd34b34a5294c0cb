package dev.lambdashield.rules.docs;

import dev.lambdashield.rego.Annotation;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rules.evaluate.MetadataReader;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicySource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the metadata of every policy in a bundle: the modules are compiled, and each package-scoped
 * {@code # METADATA} block of a package under {@code lambda_shield.} is read with {@link MetadataReader}, which
 * rejects a block that breaks docs/policy-contract.md.
 */
public final class PolicyCatalog {

    private PolicyCatalog() {
    }

    /**
     * Returns the policies of {@code source}, sorted by id.
     *
     * @throws dev.lambdashield.rego.errors.RegoException when a module does not compile
     * @throws dev.lambdashield.rules.evaluate.PolicyLoadException when a metadata block is invalid
     */
    public static List<PolicyMetadata> read(PolicySource source) {
        Rego compiler = Rego.compiler();
        for (Map.Entry<String, String> module : source.modules().entrySet()) {
            compiler.module(module.getKey(), module.getValue());
        }
        CompiledPolicy compiled = compiler.compile();
        List<PolicyMetadata> policies = new ArrayList<>();
        for (Annotation annotation : compiled.annotations()) {
            if ("package".equals(annotation.scope()) && annotation.path().startsWith(MetadataReader.PACKAGE_PREFIX)) {
                policies.add(MetadataReader.read(annotation.path(), annotation.fields(), annotation.location()));
            }
        }
        policies.sort(Comparator.comparing(PolicyMetadata::id));
        return policies;
    }
}
