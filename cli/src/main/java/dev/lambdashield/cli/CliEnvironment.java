package dev.lambdashield.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the launcher tells the CLI about its surroundings, through system properties: the checkout
 * the jar was built from ({@code lambdashield.home}) and whether stderr is a terminal
 * ({@code lambdashield.stderr.tty}, which Java cannot find out by itself).
 */
public final class CliEnvironment {

    static final String HOME_PROPERTY = "lambdashield.home";
    static final String STDERR_TTY_PROPERTY = "lambdashield.stderr.tty";
    /** Set by the build for tests; the checkout's root directory. */
    static final String REPO_ROOT_PROPERTY = "lambdashield.repo.root";

    private CliEnvironment() {
    }

    /** Returns the checkout's root directory, when known and present on disk. */
    public static Optional<Path> home() {
        for (String property : new String[] {HOME_PROPERTY, REPO_ROOT_PROPERTY}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank() && Files.isDirectory(Path.of(value))) {
                return Optional.of(Path.of(value));
            }
        }
        return Optional.empty();
    }

    /** Resolves a path inside the checkout, falling back to the working directory when the checkout is unknown. */
    public static Path inHome(String relative) {
        return home().map(root -> root.resolve(relative)).orElse(Path.of(relative));
    }

    public static boolean stderrIsTerminal() {
        return Boolean.parseBoolean(System.getProperty(STDERR_TTY_PROPERTY, "false"));
    }
}
