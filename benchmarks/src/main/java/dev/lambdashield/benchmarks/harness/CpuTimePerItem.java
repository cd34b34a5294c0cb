package dev.lambdashield.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.benchmarks.RepositoryFiles;
import dev.lambdashield.benchmarks.TypicalItem;
import dev.lambdashield.benchmarks.baseline.HandCodedChecks;
import dev.lambdashield.rules.evaluate.EvaluationContext;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyEvaluator;
import dev.lambdashield.rules.evaluate.PolicySelection;
import dev.lambdashield.rules.event.EventJson;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The per-item figures of the JMH suite again, measured as the evaluating thread's CPU time instead of wall-clock
 * time. On a machine where other processes compete for the cores, a wall-clock sample includes the time the thread
 * waited for a core, but its CPU time does not. These percentiles are therefore the better estimate of the cost on
 * an idle core. Each sample times a batch of operations, because reading the CPU time costs about a microsecond.
 */
final class CpuTimePerItem {

    private static final int WARMUP_SAMPLES = 300;
    private static final int SAMPLES = 300;

    private CpuTimePerItem() {
    }

    interface Operation {
        Object run();
    }

    static void print(PrintStream out) {
        TypicalItem item = TypicalItem.load();
        Instant deadline = Instant.now().plusSeconds(3_600);
        EvaluationContext context = new EvaluationContext("123456789012", "us-east-1", "lambda-shield-functions",
                "ConfigurationItemChangeNotification", item.captureTime());
        PolicyEvaluator all = PolicyEvaluator.create(PolicyBundle.bundled(), Map.of(), context, null);
        PolicyEvaluator subset = PolicyEvaluator.create(PolicyBundle.bundled(),
                Map.of(PolicySelection.PARAMETER, HandCodedChecks.POLICY_IDS), context, null);
        JsonNode runtimes = EventJson.parse(RepositoryFiles.read("policies/data/runtimes.json"), "runtimes.json")
                .path("lambda_shield_data").path("runtimes").path("identifiers");
        HandCodedChecks handCoded = new HandCodedChecks(EventJson.MAPPER, runtimes);
        String json = item.json();

        out.println("== Per item, warm, one thread, CPU time of the thread (same operations as JMH) ==");
        double parse = measure(out, "parseOnly", 200, () -> EventJson.parse(json, "item"));
        double allPolicies = measure(out, "evaluateAllPolicies", 1,
                () -> all.evaluate(EventJson.parse(json, "item"), item.captureTime(), deadline));
        double subsetPolicies = measure(out, "evaluateBaselinePolicies", 1,
                () -> subset.evaluate(EventJson.parse(json, "item"), item.captureTime(), deadline));
        double baseline = measure(out, "handCodedBaseline", 20,
                () -> handCoded.check(EventJson.parse(json, "item"), item.captureTime()));
        out.println(Verdict.info("items per second per core, all policies (1 / median CPU time)", 1e6 / allPolicies,
                ""));
        out.println(Verdict.atMost("all policies / Jackson parse (median CPU times)", allPolicies / parse,
                JmhReport.PARSE_RATIO_LIMIT, ""));
        out.println(Verdict.atMost("same 7 policies in Rego / hand-coded Java (median CPU times)",
                subsetPolicies / baseline, JmhReport.BASELINE_RATIO_LIMIT, ""));
        out.println();
    }

    /** Prints p50 and p99 in microseconds per operation and returns the p50. */
    private static double measure(PrintStream out, String label, int batch, Operation operation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] micros = new double[SAMPLES];
        Object sink = null;
        for (int i = 0; i < WARMUP_SAMPLES + SAMPLES; i++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int j = 0; j < batch; j++) {
                sink = operation.run();
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (i >= WARMUP_SAMPLES) {
                micros[i - WARMUP_SAMPLES] = cpu / 1e3 / batch;
            }
        }
        if (sink == null) {
            throw new IllegalStateException(label + " returned null; the measured operation did no work");
        }
        Arrays.sort(micros);
        double p50 = micros[SAMPLES / 2];
        double p99 = micros[(int) Math.ceil(SAMPLES * 0.99) - 1];
        out.println(String.format(Locale.ROOT, "      %-26s p50 %9.2f  p99 %9.2f  us/op (samples of %d ops)", label,
                p50, p99, batch));
        return p50;
    }
}
