package dev.lambdashield.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JMH run's JSON results ({@code -rf json}) and prints the per-item figures, the two ratio targets, the
 * library compile time and the engine workloads' growth per fourfold input.
 */
final class JmhReport {

    static final double PARSE_RATIO_LIMIT = 3.0;
    static final double BASELINE_RATIO_LIMIT = 5.0;
    /**
     * Largest growth exponent k (time ~ size^k over the 16x size range) still called linear. Linear code has k = 1
     * and quadratic code k = 2. The margin above 1 is a judgement that leaves room for the log factor of sorted
     * sets and for timing noise.
     */
    static final double LINEAR_EXPONENT_LIMIT = 1.25;

    private static final String PACKAGE = "dev.lambdashield.benchmarks.jmh.";

    private final JsonNode results;

    private JmhReport(JsonNode results) {
        this.results = results;
    }

    static JmhReport read(Path file) throws IOException {
        return new JmhReport(new ObjectMapper().readTree(file.toFile()));
    }

    void print(PrintStream out) {
        out.println("== Per item, warm, one thread (JMH sample time; the typical change-notification item) ==");
        JsonNode parse = find("ItemEvaluationBenchmark.parseOnly", null);
        JsonNode all = find("ItemEvaluationBenchmark.evaluateAllPolicies", null);
        JsonNode subset = find("ItemEvaluationBenchmark.evaluateBaselinePolicies", null);
        JsonNode baseline = find("ItemEvaluationBenchmark.handCodedBaseline", null);
        for (JsonNode result : new JsonNode[] {parse, all, subset, baseline}) {
            printPercentiles(out, result);
        }
        double allMean = mean(all);
        out.println(Verdict.info("items per second per core, all policies (1 / mean)", 1e6 / allMean, ""));
        out.println(Verdict.atMost("all policies / Jackson parse (means)", allMean / mean(parse),
                PARSE_RATIO_LIMIT, ""));
        out.println(Verdict.atMost("same 7 policies in Rego / hand-coded Java (means)", mean(subset) / mean(baseline),
                BASELINE_RATIO_LIMIT, ""));
        out.println();
        out.println("== Engine ==");
        out.println(Verdict.info("compile the whole policy library, warm", mean(find(
                "PolicyCompileBenchmark.compileLibrary", null)), " ms"));
        for (String workload : List.of("deepSetDepth", "comprehensionSummary", "regexMatches")) {
            printScaling(out, workload);
        }
        out.println();
    }

    private void printPercentiles(PrintStream out, JsonNode result) {
        JsonNode metric = result.path("primaryMetric");
        JsonNode percentiles = metric.path("scorePercentiles");
        out.println(String.format(Locale.ROOT, "      %-26s mean %9.2f  p50 %9.2f  p99 %9.2f  %s",
                shortName(result), metric.path("score").asDouble(), percentiles.path("50.0").asDouble(),
                percentiles.path("99.0").asDouble(), metric.path("scoreUnit").asText()));
    }

    private void printScaling(PrintStream out, String workload) {
        double t1 = mean(find("EngineWorkloadBenchmark." + workload, "1"));
        double t4 = mean(find("EngineWorkloadBenchmark." + workload, "4"));
        double t16 = mean(find("EngineWorkloadBenchmark." + workload, "16"));
        out.println(String.format(Locale.ROOT, "      %-22s x1 %10.1f us   x4 %10.1f us (x%.1f)   x16 %10.1f us (x%.1f)",
                workload, t1, t4, t4 / t1, t16, t16 / t4));
        double exponent = Math.log(t16 / t1) / Math.log(16);
        out.println(Verdict.atMost(workload + " growth exponent over 16x input", exponent,
                LINEAR_EXPONENT_LIMIT, ""));
    }

    private static String shortName(JsonNode result) {
        String name = result.path("benchmark").asText();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static double mean(JsonNode result) {
        return result.path("primaryMetric").path("score").asDouble();
    }

    /** Finds one result by benchmark name and, when given, its {@code scale} parameter. */
    private JsonNode find(String benchmark, String scale) {
        for (JsonNode result : results) {
            boolean nameMatches = result.path("benchmark").asText().equals(PACKAGE + benchmark);
            if (nameMatches && (scale == null || scale.equals(result.path("params").path("scale").asText()))) {
                return result;
            }
        }
        throw new IllegalStateException("no JMH result for " + benchmark + (scale == null ? "" : " scale " + scale)
                + "; run every benchmark of the module");
    }
}
