package dev.lambdashield.rules.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rego.Annotation;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.RegoVersion;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rules.event.EventException;
import dev.lambdashield.rules.event.EventJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled policy bundle: every module compiled together into one immutable, thread-safe
 * {@link CompiledPolicy}, the data files merged into {@code data}, and the metadata of each policy. Compiling
 * is the expensive step of a cold start, so {@link #bundled()} and {@link #cached(Path)} compile once per
 * class loader (in Lambda, once per container) and return the same instance afterwards.
 */
public final class PolicyBundle {

    private static final Map<String, PolicyBundle> CACHE = new ConcurrentHashMap<>();

    private final String origin;
    private final CompiledPolicy compiled;
    private final List<PolicyMetadata> policies;

    private PolicyBundle(String origin, CompiledPolicy compiled, List<PolicyMetadata> policies) {
        this.origin = origin;
        this.compiled = compiled;
        this.policies = List.copyOf(policies);
    }

    /** The policies packaged under {@code policies/} on the class path, compiled on first use. */
    public static PolicyBundle bundled() {
        return CACHE.computeIfAbsent("classpath:", k -> load(PolicySource.fromClasspath(
                PolicyBundle.class.getClassLoader())));
    }

    /** The policies in {@code directory}, compiled on first use of that directory. */
    public static PolicyBundle cached(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        return CACHE.computeIfAbsent("dir:" + key, k -> load(PolicySource.fromDirectory(key)));
    }

    /**
     * Compiles a bundle.
     *
     * @throws PolicyLoadException listing every compile error, metadata problem or invalid data file
     */
    public static PolicyBundle load(PolicySource source) {
        Rego rego = Rego.compiler().regoVersion(RegoVersion.V1).data(mergeData(source));
        source.modules().forEach(rego::module);
        CompiledPolicy compiled;
        try {
            compiled = rego.compile();
        } catch (RegoException e) {
            List<PolicyLoadException.Problem> problems = new ArrayList<>();
            for (RegoError error : e.errors()) {
                problems.add(new PolicyLoadException.Problem(error.code().code(), error.message(), error.location()));
            }
            throw new PolicyLoadException(problems, e);
        }
        return new PolicyBundle(source.origin(), compiled, readMetadata(source, compiled));
    }

    /** Where the bundle came from, e.g. {@code classpath:policies} or a directory. */
    public String origin() {
        return origin;
    }

    public CompiledPolicy compiled() {
        return compiled;
    }

    /** Every policy, in module-name order. */
    public List<PolicyMetadata> policies() {
        return policies;
    }

    private static List<PolicyMetadata> readMetadata(PolicySource source, CompiledPolicy compiled) {
        List<PolicyMetadata> policies = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> described = new LinkedHashSet<>();
        for (Annotation annotation : compiled.annotations()) {
            if (!"package".equals(annotation.scope()) || !annotation.path().startsWith(MetadataReader.PACKAGE_PREFIX)
                    || annotation.fields().get("custom") == null) {
                continue;
            }
            PolicyMetadata metadata = MetadataReader.read(annotation.path(), annotation.fields(),
                    annotation.location());
            if (!ids.add(metadata.id())) {
                throw new PolicyLoadException("invalid_policy_metadata", "policy id " + metadata.id()
                        + " is declared twice", annotation.location());
            }
            described.add(annotation.path());
            policies.add(metadata);
        }
        PolicyModules.requireMetadata(source, described);
        return Collections.unmodifiableList(policies);
    }

    /** Merges each data file's top-level object into one {@code data} document. */
    private static JsonNode mergeData(PolicySource source) {
        ObjectNode root = EventJson.MAPPER.createObjectNode();
        for (Map.Entry<String, String> file : source.data().entrySet()) {
            JsonNode node;
            try {
                node = EventJson.parse(file.getValue(), file.getKey());
            } catch (EventException e) {
                throw new PolicyLoadException("invalid_policy_data", e.getMessage(),
                        Location.of(file.getKey(), -1, -1));
            }
            if (!node.isObject()) {
                throw new PolicyLoadException("invalid_policy_data", "a data file must hold one JSON object",
                        Location.of(file.getKey(), 1, 1));
            }
            merge(root, (ObjectNode) node, file.getKey(), "");
        }
        return root;
    }

    private static void merge(ObjectNode target, ObjectNode source, String file, String path) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (existing == null) {
                target.set(field.getKey(), field.getValue());
            } else if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), file, at);
            } else {
                throw new PolicyLoadException("invalid_policy_data", "data." + at
                        + " is defined by more than one data file", Location.of(file, -1, -1));
            }
        }
    }
}
