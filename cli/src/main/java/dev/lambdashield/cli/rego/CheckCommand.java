package dev.lambdashield.cli.rego;

import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** Parses and compiles policies, printing every error with file:line:col, the source line and a caret. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Parse and compile Rego policies and report every error.",
            "Each error is printed as file:line:col with OPA's error code, then the source line and a caret "
                    + "under the column. Exit code 2 when any error is found."})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Policy files or folders to check.")
    List<String> paths;

    @Mixin
    RegoOptions rego;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SourceSet sources = SourceSet.load(rego.allPaths(paths));
        if (sources.modules().isEmpty()) {
            throw new CliException(String.join(", ", paths) + ": no .rego files found");
        }
        try {
            PolicyCompiler.compile(sources, rego.version(), spec.commandLine().getErr());
        } catch (PolicyCompiler.CompileFailed e) {
            return ExitCode.USAGE;
        }
        int count = sources.modules().size();
        spec.commandLine().getOut().println("checked " + count + (count == 1 ? " module" : " modules") + ": no errors");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
