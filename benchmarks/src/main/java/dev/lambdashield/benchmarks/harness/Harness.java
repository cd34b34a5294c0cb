package dev.lambdashield.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.benchmarks.RepositoryFiles;
import dev.lambdashield.benchmarks.TypicalItem;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain harness for what JMH does not fit: cold start in new JVMs, and one periodic invocation over 10,000
 * synthetic functions in a JVM capped at 256 MB. It also prints the JMH run's figures and every ratio against its
 * target, so one output contains them all.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.lambdashield.benchmarks.harness.Harness \
 *     [--jmh-results FILE] [--cold-runs N] [--functions N] [--work-dir DIR]
 * </pre>
 *
 * {@code --cold-runs 0} leaves out the cold start and {@code --functions 0} the periodic run.
 */
public final class Harness {

    static final double COLD_START_LIMIT_MS = 1_000;
    static final double HEAP_LIMIT_MB = 256;
    static final String LAMBDA_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final PrintStream out = System.out;
    private final ObjectMapper mapper = new ObjectMapper();
    private Path jmhResults;
    private int coldRuns = 5;
    private int functions = 10_000;
    private Path workDir = Path.of("benchmarks", "target", "harness");

    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        Harness harness = new Harness();
        harness.parse(args);
        harness.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--jmh-results":
                    jmhResults = Path.of(require(args[i], value));
                    break;
                case "--cold-runs":
                    coldRuns = Integer.parseInt(require(args[i], value));
                    break;
                case "--functions":
                    functions = Integer.parseInt(require(args[i], value));
                    break;
                case "--work-dir":
                    workDir = Path.of(require(args[i], value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + "; expected --jmh-results, --cold-runs, --functions or --work-dir");
            }
            i++;
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing value after " + option);
        }
        return value;
    }

    private void run() throws Exception {
        Files.createDirectories(workDir);
        out.printf(Locale.ROOT, "Lambda Shield benchmarks: %d processors available, Java %s, load average %.1f%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        if (jmhResults != null && Files.isRegularFile(jmhResults)) {
            JmhReport.read(jmhResults).print(out);
        } else {
            out.println("(no JMH results given; run benchmarks/run for the per-item and engine figures)");
            out.println();
        }
        BaselineAgreement.print(out);
        CpuTimePerItem.print(out);
        EngineWorkloadCpu.print(out);
        JsonNode typicalConfiguration = mapper.readTree(TypicalItem.load().json()).path("configuration");
        if (coldRuns > 0) {
            coldStart(typicalConfiguration);
        }
        if (functions > 0) {
            loadRun(typicalConfiguration);
        }
        double load = loadAverage();
        out.printf(Locale.ROOT, "Load average at the end: %.1f%n", load);
        if (load > Runtime.getRuntime().availableProcessors()) {
            out.println("Other work competed for the processors, so wall-clock figures are inflated; CPU-time figures"
                    + " much less so.");
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void coldStart(JsonNode typicalConfiguration) throws Exception {
        out.println("== Cold start: new JVM, main -> first evaluation finished (dry-run, AWS on 127.0.0.1) ==");
        Path event = RepositoryFiles.root().resolve(RepositoryFiles.TYPICAL_EVENT);
        try (SyntheticAwsServer server = new SyntheticAwsServer(new SyntheticInventory(typicalConfiguration, 0))) {
            Map<String, String> env = ChildJvm.ruleEnvironment(server.endpoint(), true);
            coldStartVariant("default JVM options", List.of(), env, event);
            coldStartVariant("Lambda's options (" + LAMBDA_JVM_OPTIONS + ")",
                    Arrays.asList(LAMBDA_JVM_OPTIONS.split(" ")), env, event);
        }
        out.println();
    }

    private void coldStartVariant(String label, List<String> options, Map<String, String> env, Path event)
            throws Exception {
        List<JsonNode> runs = new ArrayList<>();
        List<Double> wallClock = new ArrayList<>();
        for (int i = 0; i < coldRuns; i++) {
            Path figures = workDir.resolve("cold-start-" + i + ".json");
            wallClock.add(ChildJvm.run(options, env, workDir.resolve("cold-start.log"),
                    ColdStartProbe.class.getName(), figures.toString(), event.toString()));
            runs.add(mapper.readTree(figures.toFile()));
        }
        out.printf(Locale.ROOT, "  %s, median of %d JVMs:%n", label, coldRuns);
        out.println(Verdict.info("JVM start -> main", median(runs, "jvmStartToMainMs"), " ms"));
        out.println(Verdict.info("policies loaded and compiled", median(runs, "policiesMs"), " ms"));
        out.println(Verdict.info("handler initialization besides policies (settings, SDK HTTP clients, sinks)",
                median(runs, "handlerInitMs"), " ms"));
        out.println(Verdict.info("first invocation (Config client built, item evaluated, PutEvaluations printed)",
                median(runs, "firstInvocationMs"), " ms"));
        out.println(Verdict.info("second invocation, same event", median(runs, "secondInvocationMs"), " ms"));
        out.println(Verdict.info("initialization a SnapStart snapshot would hold (policies + handler init)",
                median(runs, "policiesMs") + median(runs, "handlerInitMs"), " ms"));
        out.println(Verdict.atMost("main -> first evaluation finished", median(runs, "mainToFirstEvaluationMs"),
                COLD_START_LIMIT_MS, " ms"));
        out.println(Verdict.atMost("  the same, main thread CPU time (JVM start included)",
                median(runs, "mainThreadCpuMs"), COLD_START_LIMIT_MS, " ms"));
        out.println(Verdict.info("  the same, CPU time of every thread (JIT and GC included)",
                median(runs, "processCpuMs"), " ms"));
        out.println(Verdict.info("process launch -> exit, wall clock", medianOf(wallClock), " ms"));
    }

    private void loadRun(JsonNode typicalConfiguration) throws Exception {
        out.printf(Locale.ROOT, "== Periodic run over %,d synthetic functions, one invocation, -Xmx%dm ==%n", functions,
                (int) HEAP_LIMIT_MB);
        Path event = RepositoryFiles.root().resolve("test-fixtures/events/periodic.json");
        Path figuresFile = workDir.resolve("load-run.json");
        Path log = workDir.resolve("load-run.log");
        Files.deleteIfExists(log);
        try (SyntheticAwsServer server = new SyntheticAwsServer(new SyntheticInventory(typicalConfiguration,
                functions))) {
            Map<String, String> env = new java.util.HashMap<>(ChildJvm.ruleEnvironment(server.endpoint(), false));
            // Only the Config path is measured, because Security Hub findings and remediation starts are separate sinks.
            env.put("LAMBDA_SHIELD_SECURITY_HUB", "false");
            env.put("LAMBDA_SHIELD_REMEDIATION", "off");
            double wallClock = ChildJvm.run(List.of("-Xmx" + (int) HEAP_LIMIT_MB + "m"), env, log,
                    LoadRunProbe.class.getName(), figuresFile.toString(), event.toString());
            JsonNode figures = mapper.readTree(figuresFile.toFile());
            out.println("      calls made: " + server.calls());
            out.println("      evaluations received by PutEvaluations: " + server.evaluationsReceived()
                    + ", largest call " + server.largestPutEvaluations() + " (API limit 100)");
            out.println("      invocation summary: " + figures.path("summary"));
            out.println(Verdict.info("handler initialization", figures.path("initMs").asDouble(), " ms"));
            out.println(Verdict.atMost("periodic invocation time", figures.path("invocationMs").asDouble() / 1000,
                    LoadRunProbe.LAMBDA_MAX_TIMEOUT_MILLIS / 1000.0, " s"));
            out.println(Verdict.info("per function", figures.path("invocationMs").asDouble() / functions, " ms"));
            out.println(Verdict.info("main thread CPU time (JVM start included)",
                    figures.path("mainThreadCpuMs").asDouble() / 1000, " s"));
            out.println(Verdict.info("CPU time of every thread", figures.path("processCpuMs").asDouble() / 1000, " s"));
            out.println(Verdict.atMost("peak heap used (sampled every 2 ms)",
                    figures.path("peakHeapUsedBytes").asDouble() / (1 << 20), HEAP_LIMIT_MB, " MB"));
            out.println(Verdict.info("largest live heap after a collection",
                    figures.path("maxLiveAfterGcBytes").asDouble() / (1 << 20), " MB"));
            out.println(Verdict.info("process launch -> exit, wall clock", wallClock, " ms"));
        }
        out.println();
    }

    private static double median(List<JsonNode> runs, String field) {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(r.path(field).asDouble()));
        return medianOf(values);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
