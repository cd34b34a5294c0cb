package dev.lambdashield.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates files of the repository the benchmarks run from. The root is the {@code lambdashield.repo.root} system
 * property when set, else the nearest directory at or above the working directory that contains {@code test-fixtures/}.
 */
public final class RepositoryFiles {

    /** The configuration item every per-item benchmark evaluates: a Python function with a public resource policy. */
    public static final String TYPICAL_EVENT = "test-fixtures/events/change-noncompliant.json";

    private RepositoryFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("lambdashield.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("test-fixtures"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no test-fixtures/ folder at or above " + dir
                + "; run from the repository or set -Dlambdashield.repo.root");
    }

    public static String read(String relativePath) {
        Path file = root().resolve(relativePath);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + file, e);
        }
    }
}
