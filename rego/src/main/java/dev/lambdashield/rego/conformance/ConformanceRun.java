package dev.lambdashield.rego.conformance;

import dev.lambdashield.rego.RegoVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs every case below a directory and summarizes the results per folder. */
public final class ConformanceRun {

    /** Pass and fail counts of one folder. */
    public record FolderSummary(String folder, int passed, int failed) {
    }

    private final List<CaseResult> results;

    private ConformanceRun(List<CaseResult> results) {
        this.results = List.copyOf(results);
    }

    /**
     * Loads and runs the cases below {@code root}.
     *
     * @param timeout the evaluation deadline of each case
     * @throws IOException when a case file cannot be read
     */
    public static ConformanceRun run(Path root, RegoVersion version, Duration timeout) throws IOException {
        CaseRunner runner = new CaseRunner(version, timeout);
        List<CaseResult> results = new ArrayList<>();
        for (ConformanceCase c : CaseLoader.load(root)) {
            results.add(runner.run(c));
        }
        return new ConformanceRun(results);
    }

    public List<CaseResult> results() {
        return results;
    }

    public List<CaseResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public int passed() {
        return (int) results.stream().filter(CaseResult::passed).count();
    }

    public int failed() {
        return results.size() - passed();
    }

    public List<FolderSummary> byFolder() {
        Map<String, int[]> counts = new TreeMap<>();
        for (CaseResult r : results) {
            int[] c = counts.computeIfAbsent(r.testCase().folder(), f -> new int[2]);
            c[r.passed() ? 0 : 1]++;
        }
        List<FolderSummary> out = new ArrayList<>();
        counts.forEach((folder, c) -> out.add(new FolderSummary(folder, c[0], c[1])));
        return out;
    }

    /** Returns the closing line, {@code N passed, M failed}. */
    public String summaryLine() {
        return passed() + " passed, " + failed() + " failed";
    }
}
