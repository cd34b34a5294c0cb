package dev.lambdashield.benchmarks.harness;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.handler.ConfigRuleHandler;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the cold-start JVM the harness launches. It times three steps in order. First the policy
 * bundle is loaded and compiled. Then the handler's static initialization builds settings, SDK HTTP clients and
 * sinks, reusing the compiled bundle. Last comes the first invocation on a change-notification event: it builds the
 * Config client, evaluates the item with every bundled policy and prints the PutEvaluations request (dry-run). A
 * second invocation shows the warm cost. The figures go to the JSON file named by the first argument. Besides wall-clock times it records
 * the CPU time of the main thread and of the whole process up to the first evaluation, which a machine shared
 * with other work inflates far less than wall-clock time.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpochMillis = System.currentTimeMillis();
        long mainNanos = System.nanoTime();
        Path output = Path.of(args[0]);
        String eventJson = Files.readString(Path.of(args[1]));

        PolicyBundle.bundled();
        long policiesNanos = System.nanoTime();

        ConfigRuleHandler handler = new ConfigRuleHandler();
        long handlerInitNanos = System.nanoTime();

        ConfigEvent event = ConfigEvents.fromJson(eventJson);
        handler.handleRequest(event, new FixedContext("cold-start-1", 60_000));
        long firstNanos = System.nanoTime();
        long mainThreadCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processCpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();

        handler.handleRequest(ConfigEvents.fromJson(eventJson), new FixedContext("cold-start-2", 60_000));
        long secondNanos = System.nanoTime();

        ObjectNode figures = new ObjectMapper().createObjectNode();
        figures.put("jvmStartToMainMs", mainEpochMillis - ManagementFactory.getRuntimeMXBean().getStartTime());
        figures.put("policiesMs", millis(policiesNanos - mainNanos));
        figures.put("handlerInitMs", millis(handlerInitNanos - policiesNanos));
        figures.put("firstInvocationMs", millis(firstNanos - handlerInitNanos));
        figures.put("mainToFirstEvaluationMs", millis(firstNanos - mainNanos));
        figures.put("mainThreadCpuMs", millis(mainThreadCpuNanos));
        figures.put("processCpuMs", millis(processCpuNanos));
        figures.put("secondInvocationMs", millis(secondNanos - firstNanos));
        Files.writeString(output, figures.toString());
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
