package dev.lambdashield.benchmarks.jmh;

import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.RegoVersion;
import dev.lambdashield.rego.value.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The engine alone on three conformance-style workloads, each at three input sizes in steps of four, so the
 * report can tell linear growth (time x4 per step) from quadratic (x16). The modules are in
 * {@code src/main/resources/workloads/}; {@link Workloads} builds their inputs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineWorkloadBenchmark {

    /** Multiplier of each workload's base size (see {@link Workloads}). */
    @Param({"1", "4", "16"})
    public int scale;

    private CompiledPolicy deepSets;
    private CompiledPolicy comprehensions;
    private CompiledPolicy regexRules;
    private EvalOptions deepSetsInput;
    private EvalOptions comprehensionsInput;
    private EvalOptions regexInput;

    @Setup
    public void setUp() {
        deepSets = compile("workloads/deep_partial_sets.rego");
        comprehensions = compile("workloads/comprehensions.rego");
        regexRules = compile("workloads/regex_rules.rego");
        deepSetsInput = EvalOptions.builder().input(Workloads.numbers(Workloads.DEEP_SETS_BASE * scale)).build();
        comprehensionsInput = EvalOptions.builder()
                .input(Workloads.numbers(Workloads.COMPREHENSIONS_BASE * scale)).build();
        regexInput = EvalOptions.builder().input(Workloads.strings(Workloads.REGEX_BASE * scale)).build();
        Workloads.requireDefined(deepSetDepth(), "deep partial sets");
        Workloads.requireDefined(comprehensionSummary(), "comprehensions");
        Workloads.requireDefined(regexMatches(), "regex rules");
    }

    @Benchmark
    public Optional<Value> deepSetDepth() {
        return deepSets.evaluate("data.bench.deep_sets.summary", deepSetsInput);
    }

    @Benchmark
    public Optional<Value> comprehensionSummary() {
        return comprehensions.evaluate("data.bench.comprehensions.summary", comprehensionsInput);
    }

    @Benchmark
    public Optional<Value> regexMatches() {
        return regexRules.evaluate("data.bench.regex_rules.summary", regexInput);
    }

    /** Compiles one workload module from the class path. */
    public static CompiledPolicy compile(String resource) {
        try (InputStream in = EngineWorkloadBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Rego.compiler().regoVersion(RegoVersion.V1).module(resource, source).compile();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + resource, e);
        }
    }
}
