package dev.lambdashield.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;
import dev.lambdashield.rules.evaluate.MetadataReader;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the package {@code # METADATA} block of each policy in policies/ and turns it into {@link PolicyMetadata}
 * with the rule's own {@link MetadataReader}, so the tests see the metadata exactly as the rule and the generator
 * do. The block is the comment lines after {@code # METADATA} up to the first line that is not a comment; the
 * package is the first {@code package} line after it.
 */
final class PolicyMetadataFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyMetadataFiles() {
    }

    /** Reads the metadata of every policy file, in file-name order. */
    static List<PolicyMetadata> readAll() {
        List<PolicyMetadata> policies = new ArrayList<>();
        for (Path file : DeployFiles.policyFiles()) {
            policies.add(read(file));
        }
        return policies;
    }

    /** Reads the raw METADATA fields of every policy file, keyed by file name. */
    static Map<String, Map<String, Object>> rawFields() {
        Map<String, Map<String, Object>> fields = new java.util.TreeMap<>();
        for (Path file : DeployFiles.policyFiles()) {
            fields.put(file.getFileName().toString(), block(file).fields());
        }
        return fields;
    }

    static PolicyMetadata read(Path file) {
        Block block = block(file);
        Value fields = ValueJson.fromJsonNode(JSON.valueToTree(block.fields()));
        String relative = DeployFiles.repositoryRoot().relativize(file).toString();
        Location location = new Location(relative, block.line(), 1, 0);
        return MetadataReader.read("data." + block.packageName(), (ObjectValue) fields, location);
    }

    private static Block block(Path file) {
        String[] lines = DeployFiles.read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("# METADATA")) {
                continue;
            }
            StringBuilder yaml = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && lines[j].startsWith("#")) {
                yaml.append(lines[j].startsWith("# ") ? lines[j].substring(2) : lines[j].substring(1)).append('\n');
                j++;
            }
            while (j < lines.length && !lines[j].startsWith("package ")) {
                j++;
            }
            if (j == lines.length) {
                break;
            }
            Map<String, Object> fields = new Yaml().load(yaml.toString());
            return new Block(fields, lines[j].substring("package ".length()).strip(), i + 1);
        }
        throw new AssertionError(file + " has no # METADATA block above its package");
    }

    private record Block(Map<String, Object> fields, String packageName, int line) {
    }
}
