package dev.lambdashield.rego.conformance;

import dev.lambdashield.rego.RegoVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs OPA's conformance suite from the shared folder next to the repository: the v0 cases in
 * v0-compatible mode and the v1 cases in v1 mode. The committed list of known failures may only
 * shrink: the test fails when a listed case passes or an unlisted case fails.
 */
class ConformanceSuiteTest {

    /** Keys of the v1 suite carry this prefix in the known-failures list, because its notes repeat the v0 ones. */
    private static final String V1_PREFIX = "v1:";
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void sharedSuiteMatchesKnownFailures() throws IOException {
        Path suite = suiteRoot();
        Assumptions.assumeTrue(Files.isDirectory(suite.resolve("opa")),
                () -> "skipped: the conformance suite is not at " + suite.toAbsolutePath().normalize());

        Map<String, String> known = loadKnownFailures();
        Map<String, String> failing = new TreeMap<>();
        int total = 0;
        ConformanceRun v0 = ConformanceRun.run(suite.resolve("opa"), RegoVersion.V0, CASE_TIMEOUT);
        total += v0.results().size();
        v0.failures().forEach(r -> failing.put(r.testCase().note(), r.reason()));
        if (Files.isDirectory(suite.resolve("opa-v1"))) {
            ConformanceRun v1 = ConformanceRun.run(suite.resolve("opa-v1"), RegoVersion.V1, CASE_TIMEOUT);
            total += v1.results().size();
            v1.failures().forEach(r -> failing.put(V1_PREFIX + r.testCase().note(), r.reason()));
        }
        System.out.println("conformance: " + (total - failing.size()) + " passed, " + failing.size() + " failed");

        List<String> problems = new ArrayList<>();
        failing.forEach((note, reason) -> {
            if (!known.containsKey(note)) {
                problems.add("new failure: " + note + ": " + reason);
            }
        });
        known.keySet().forEach(note -> {
            if (!failing.containsKey(note)) {
                problems.add("now passes, remove it from known-failures.txt: " + note);
            }
        });
        if (!problems.isEmpty()) {
            fail(problems.size() + " difference(s) from known-failures.txt:\n" + String.join("\n", problems));
        }
        assertTrue(total > 0, "the suite holds no cases");
    }

    private static Path suiteRoot() {
        String root = System.getProperty("lambdashield.repo.root");
        Path repo = root == null ? Path.of("..").toAbsolutePath() : Path.of(root);
        return repo.resolve("../shared/conformance");
    }

    /** Reads {@code note<TAB>reason} lines; blank lines and lines starting with # are ignored. */
    private static Map<String, String> loadKnownFailures() throws IOException {
        Map<String, String> known = new TreeMap<>();
        try (InputStream in = ConformanceSuiteTest.class.getResourceAsStream("/conformance/known-failures.txt")) {
            if (in == null) {
                throw new IOException("known-failures.txt is missing from the test resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                known.put(tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
            }
        }
        return known;
    }
}
