package dev.lambdashield.cli.scan;

import dev.lambdashield.cli.CliException;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyLoadException;

import java.nio.file.Path;

/** Loads the bundled policies or a policy folder, turning load problems into one-line errors. */
public final class PolicyBundles {

    private PolicyBundles() {
    }

    /**
     * Loads the policies.
     *
     * @param directory a policy folder, or {@code null} for the policies bundled in the jar
     * @throws CliException naming the first problem's file, line and column, and how many there are
     */
    public static PolicyBundle load(Path directory) {
        try {
            return directory == null ? PolicyBundle.bundled() : PolicyBundle.cached(directory);
        } catch (PolicyLoadException e) {
            var problems = e.problems();
            String first = problems.isEmpty() ? e.getMessage() : problems.get(0).toString();
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems; run "
                    + "'lambda-shield check' on the folder to list them)" : "";
            throw new CliException("cannot load policies: " + first + more, e);
        }
    }
}
