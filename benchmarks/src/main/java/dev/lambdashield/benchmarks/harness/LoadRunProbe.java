package dev.lambdashield.benchmarks.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.handler.ConfigRuleHandler;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the periodic load-run JVM the harness launches with {@code -Xmx256m}: one scheduled
 * invocation of the real handler over the synthetic inventory the harness serves, every bundled policy selected,
 * evaluations sent to the stand-in with PutEvaluations. Heap use is sampled throughout. Arguments: the output JSON
 * file and the periodic event file.
 */
public final class LoadRunProbe {

    /** Lambda's maximum timeout, which one periodic invocation must finish within. */
    static final long LAMBDA_MAX_TIMEOUT_MILLIS = 900_000;

    private LoadRunProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode event = (ObjectNode) mapper.readTree(Files.readString(Path.of(args[1])));
        // Without the fixture's policy selection the run evaluates every bundled policy.
        event.remove("ruleParameters");

        try (HeapSampler heap = HeapSampler.start()) {
            long start = System.nanoTime();
            ConfigRuleHandler handler = new ConfigRuleHandler();
            long initialized = System.nanoTime();
            String summary = handler.handleRequest(ConfigEvents.fromJson(event.toString()),
                    new FixedContext("periodic-load", LAMBDA_MAX_TIMEOUT_MILLIS));
            long finished = System.nanoTime();
            long threadCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long processCpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();

            ObjectNode figures = mapper.createObjectNode();
            figures.put("initMs", (initialized - start) / 1e6);
            figures.put("invocationMs", (finished - initialized) / 1e6);
            figures.put("mainThreadCpuMs", threadCpuNanos / 1e6);
            figures.put("processCpuMs", processCpuNanos / 1e6);
            figures.put("peakHeapUsedBytes", heap.peakUsed());
            figures.put("maxLiveAfterGcBytes", heap.maxAfterGc());
            figures.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            figures.set("summary", mapper.readTree(summary));
            Files.writeString(output, figures.toString());
        }
    }
}
