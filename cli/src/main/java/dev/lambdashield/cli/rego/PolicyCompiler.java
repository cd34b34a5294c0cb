package dev.lambdashield.cli.rego;

import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.RegoVersion;
import dev.lambdashield.rego.errors.RegoException;

import java.io.PrintWriter;
import java.util.Map;

/** Compiles a {@link SourceSet} and prints compile errors with their source lines. */
final class PolicyCompiler {

    private PolicyCompiler() {
    }

    /**
     * Compiles every module and the data.
     *
     * @throws CompileFailed after printing the errors to {@code err}
     */
    static CompiledPolicy compile(SourceSet sources, RegoVersion version, PrintWriter err) {
        var compiler = Rego.compiler().regoVersion(version);
        for (Map.Entry<String, String> module : sources.modules().entrySet()) {
            compiler.module(module.getKey(), module.getValue());
        }
        if (sources.hasData()) {
            compiler.data(sources.data());
        }
        try {
            return compiler.compile();
        } catch (RegoException e) {
            new ErrorRenderer(sources.modules()).print(e.errors(), err);
            throw new CompileFailed(e.errors().size());
        }
    }

    /** Compilation failed and its errors were printed; the command exits with a usage error. */
    static final class CompileFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CompileFailed(int errors) {
            super(errors + (errors == 1 ? " error" : " errors"));
        }
    }
}
