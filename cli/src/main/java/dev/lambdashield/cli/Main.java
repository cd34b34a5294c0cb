package dev.lambdashield.cli;

import dev.lambdashield.cli.generate.DeployConfigCommand;
import dev.lambdashield.cli.generate.DocsCommand;
import dev.lambdashield.cli.invoke.InvokeCommand;
import dev.lambdashield.cli.rego.CapabilitiesCommand;
import dev.lambdashield.cli.rego.CheckCommand;
import dev.lambdashield.cli.rego.ConformanceCommand;
import dev.lambdashield.cli.rego.EvalCommand;
import dev.lambdashield.cli.rego.TestCommand;
import dev.lambdashield.cli.scan.ScanCommand;
import dev.lambdashield.rules.observe.JsonLogOutput;
import org.slf4j.event.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** The {@code lambda-shield} command: policy tools and compliance scans. */
@Command(name = "lambda-shield",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Policy-as-code compliance for AWS Lambda: Rego policy tools and compliance scans.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, nothing found",
            "1:violations, failing tests or failing cases were found",
            "2:invalid command line or input file"
        },
        subcommands = {
            CheckCommand.class,
            TestCommand.class,
            EvalCommand.class,
            ScanCommand.class,
            InvokeCommand.class,
            ConformanceCommand.class,
            CapabilitiesCommand.class,
            DocsCommand.class,
            DeployConfigCommand.class
        })
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** Runs one command line as the process would, writing to the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // The rule module logs JSON lines; here they go to stderr, warnings only, so stdout keeps the command's output.
        JsonLogOutput.redirect(WriterStream.of(err));
        JsonLogOutput.threshold(Level.WARN);
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a command, prints the usage and fails as a usage error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("lambda-shield: error: a command is required");
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }
}
