package dev.lambdashield.rego.coverage;

import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.ast.Module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Line coverage per module file, computed as {@code opa test --coverage} does: the counted lines
 * are rule heads and body expressions; a body expression is covered when evaluation reached it,
 * and a head when its rule produced a value.
 */
public record CoverageReport(Map<String, FileCoverage> files) {

    /** The file name ending that marks a module of Rego unit tests, as in OPA's convention. */
    public static final String TEST_FILE_SUFFIX = "_test.rego";

    /** Keeps the files sorted by name, so that reports list them in a stable order. */
    public CoverageReport {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Computes the coverage of a compiled policy's modules, leaving out test files ({@code *_test.rego}). */
    public static CoverageReport of(CompiledPolicy policy, CoverageCollector collector) {
        return of(policy.program().modules(), collector, false);
    }

    /**
     * Computes the coverage of {@code modules}. The line numbers come from the compiled modules, whose
     * expressions keep the locations of the source they were written in.
     */
    public static CoverageReport of(List<Module> modules, CoverageCollector collector, boolean includeTestFiles) {
        Map<String, NavigableSet<Integer>> counted = new TreeMap<>();
        for (Module module : modules) {
            if (includeTestFiles || !isTestFile(module.file())) {
                counted.computeIfAbsent(module.file(), file -> new TreeSet<>()).addAll(CoverableLines.of(module));
            }
        }
        Map<String, FileCoverage> files = new TreeMap<>();
        for (Map.Entry<String, NavigableSet<Integer>> entry : counted.entrySet()) {
            files.put(entry.getKey(), fileCoverage(entry.getKey(), entry.getValue(), collector.linesHit(entry.getKey())));
        }
        return new CoverageReport(files);
    }

    /** Returns true for file names that follow the test-module convention, {@code *_test.rego}. */
    public static boolean isTestFile(String file) {
        return file != null && file.endsWith(TEST_FILE_SUFFIX);
    }

    private static FileCoverage fileCoverage(String file, NavigableSet<Integer> counted, NavigableSet<Integer> hit) {
        List<Integer> covered = new ArrayList<>();
        List<Integer> notCovered = new ArrayList<>();
        for (int line : counted) {
            (hit.contains(line) ? covered : notCovered).add(line);
        }
        return new FileCoverage(file, LineRange.of(covered), LineRange.of(notCovered));
    }

    public int coveredLines() {
        return files.values().stream().mapToInt(FileCoverage::coveredLines).sum();
    }

    public int notCoveredLines() {
        return files.values().stream().mapToInt(FileCoverage::notCoveredLines).sum();
    }

    /** Returns the covered share of all counted lines in percent, rounded to two decimals. */
    public double percent() {
        return percent(coveredLines(), notCoveredLines());
    }

    /** Returns 100 when nothing is counted, because a file without rules has no line left untested. */
    static double percent(int covered, int notCovered) {
        int total = covered + notCovered;
        if (total == 0) {
            return 100.0;
        }
        return Math.round(covered * 10_000.0 / total) / 100.0;
    }
}
