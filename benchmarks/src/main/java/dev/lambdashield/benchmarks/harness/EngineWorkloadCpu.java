package dev.lambdashield.benchmarks.harness;

import dev.lambdashield.benchmarks.jmh.EngineWorkloadBenchmark;
import dev.lambdashield.benchmarks.jmh.Workloads;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.value.ObjectValue;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The engine workloads of {@link EngineWorkloadBenchmark} again, timed as the evaluating thread's CPU time (the
 * minimum of a few evaluations after warm-up). Where the JMH run sees one slow operation per iteration on a busy
 * machine, these figures give the scaling exponent with the waiting for a core left out.
 */
final class EngineWorkloadCpu {

    private static final int WARMUP = 3;
    private static final int MEASURED = 3;
    private static final int[] SCALES = {1, 4, 16};

    private EngineWorkloadCpu() {
    }

    static void print(PrintStream out) {
        out.println("== Engine workloads, CPU time of the thread (minimum of " + MEASURED + " after " + WARMUP
                + " warm-up runs) ==");
        measure(out, "deepSetDepth", "workloads/deep_partial_sets.rego", "data.bench.deep_sets.summary",
                scale -> Workloads.numbers(Workloads.DEEP_SETS_BASE * scale), Workloads.DEEP_SETS_BASE);
        measure(out, "comprehensionSummary", "workloads/comprehensions.rego", "data.bench.comprehensions.summary",
                scale -> Workloads.numbers(Workloads.COMPREHENSIONS_BASE * scale), Workloads.COMPREHENSIONS_BASE);
        measure(out, "regexMatches", "workloads/regex_rules.rego", "data.bench.regex_rules.summary",
                scale -> Workloads.strings(Workloads.REGEX_BASE * scale), Workloads.REGEX_BASE);
        out.println();
    }

    private static void measure(PrintStream out, String label, String module, String query,
                                IntFunction<ObjectValue> input, int baseSize) {
        CompiledPolicy policy = EngineWorkloadBenchmark.compile(module);
        double[] millis = new double[SCALES.length];
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "      %-22s", label));
        for (int i = 0; i < SCALES.length; i++) {
            EvalOptions options = EvalOptions.builder().input(input.apply(SCALES[i])).build();
            millis[i] = minimumCpuMillis(policy, query, options);
            line.append(String.format(Locale.ROOT, "  n=%-6d %9.1f ms", baseSize * SCALES[i], millis[i]));
        }
        out.println(line);
        double exponent = Math.log(millis[2] / millis[0]) / Math.log(16);
        out.println(Verdict.atMost(label + " growth exponent over 16x input (CPU time)", exponent,
                JmhReport.LINEAR_EXPONENT_LIMIT, ""));
    }

    private static double minimumCpuMillis(CompiledPolicy policy, String query, EvalOptions options) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int run = 0; run < WARMUP + MEASURED; run++) {
            long start = threads.getCurrentThreadCpuTime();
            Workloads.requireDefined(policy.evaluate(query, options), query);
            double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            if (run >= WARMUP) {
                best = Math.min(best, millis);
            }
        }
        return best;
    }
}
