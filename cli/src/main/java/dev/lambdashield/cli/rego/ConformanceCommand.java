package dev.lambdashield.cli.rego;

import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rego.RegoVersion;
import dev.lambdashield.rego.conformance.CaseResult;
import dev.lambdashield.rego.conformance.ConformanceRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Runs OPA-format conformance cases against the engine. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Run Rego conformance cases (OPA's test-case format, JSON) against the engine.",
            "Prints one line per failing case with its note and why, then 'N passed, M failed'. "
                    + "Modules are read as Rego v0 unless --v1 is given. Exit code 1 when any case fails."})
public final class ConformanceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A folder of case files, searched recursively.")
    Path directory;

    @Option(names = "--v1", description = "Read the cases' modules as Rego v1 (default v0, the suite's syntax).")
    boolean v1;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Evaluation deadline of each case, in seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--folders", description = "Also print the pass and fail counts of each folder.")
    boolean folders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(directory)) {
            throw new CliException(directory + ": folder not found");
        }
        if (timeoutSeconds <= 0) {
            throw new CliException("invalid --timeout " + timeoutSeconds + ": expected a positive number of seconds");
        }
        ConformanceRun run;
        try {
            run = ConformanceRun.run(directory, v1 ? RegoVersion.V1 : RegoVersion.V0, Duration.ofSeconds(timeoutSeconds));
        } catch (IOException e) {
            throw new CliException(directory + ": cannot read the cases: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (CaseResult failure : run.failures()) {
            out.println("FAIL " + failure.testCase().note() + ": " + oneLine(failure.reason()));
        }
        if (folders) {
            for (ConformanceRun.FolderSummary folder : run.byFolder()) {
                out.println("folder " + folder.folder() + ": " + folder.passed() + " passed, " + folder.failed()
                        + " failed");
            }
        }
        out.println(run.summaryLine());
        out.flush();
        return run.failed() == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
    }
}
