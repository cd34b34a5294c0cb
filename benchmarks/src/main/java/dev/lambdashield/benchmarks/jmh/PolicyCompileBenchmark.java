package dev.lambdashield.benchmarks.jmh;

import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicySource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Warm time to compile the whole bundled policy library (parse, compile, merge the data files, read the metadata),
 * from sources already read into memory. The cold figure, with class loading and an unwarmed JIT, is the cold-start
 * harness's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicyCompileBenchmark {

    private PolicySource source;

    @Setup
    public void setUp() {
        source = PolicySource.fromClasspath(PolicyCompileBenchmark.class.getClassLoader());
    }

    @Benchmark
    public PolicyBundle compileLibrary() {
        return PolicyBundle.load(source);
    }
}
