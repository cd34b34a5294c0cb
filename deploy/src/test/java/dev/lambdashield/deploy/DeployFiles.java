package dev.lambdashield.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Locates and reads the files under deploy/ and policies/ that the tests check. */
final class DeployFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {
    }

    /** Finds the repository root: the Surefire property set by the parent POM, else the module directory's parent. */
    static Path repositoryRoot() {
        String configured = System.getProperty("lambdashield.repo.root");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("deploy")) || !Files.isDirectory(root.resolve("policies"))) {
            throw new IllegalStateException("repository root not found at " + root
                    + ": run the tests with Maven from the repository, or set -Dlambdashield.repo.root");
        }
        return root;
    }

    static Path deployDirectory() {
        return repositoryRoot().resolve("deploy");
    }

    static Path templatePath() {
        return deployDirectory().resolve("template.yaml");
    }

    static String templateText() {
        return read(templatePath());
    }

    static Map<String, Object> template() {
        return CloudFormationYaml.load(templateText());
    }

    static Path ssmDirectory() {
        return deployDirectory().resolve("ssm");
    }

    /** Lists every {@code *.yaml} file under deploy/ssm, sorted by name. */
    static List<Path> ssmDocumentFiles() {
        try (Stream<Path> files = Files.list(ssmDirectory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ssmDocument(Path file) {
        Object document = new Yaml().load(read(file));
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException(file + ": an SSM document must be a mapping");
        }
        return (Map<String, Object>) document;
    }

    static Path stateMachinePath() {
        return deployDirectory().resolve("statemachine/response.asl.json");
    }

    static JsonNode stateMachine() {
        try {
            return JSON.readTree(read(stateMachinePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(stateMachinePath() + " is not valid JSON", e);
        }
    }

    /** Lists every policy module under policies/, without the Rego unit tests. */
    static List<Path> policyFiles() {
        try (Stream<Path> files = Files.list(repositoryRoot().resolve("policies"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rego"))
                    .filter(f -> !f.getFileName().toString().endsWith("_test.rego"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
