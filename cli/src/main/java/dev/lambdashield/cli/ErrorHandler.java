package dev.lambdashield.cli;

import dev.lambdashield.rego.errors.RegoException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns an exception that escaped a command into one line on stderr and an exit code: 2 for bad input
 * ({@link CliException}, a Rego error in a policy or data file), 1 for anything else, which is a failure
 * of the tool itself and is reported with its type so that it can be traced.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof CliException) {
            err.println("lambda-shield: error: " + exception.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        if (exception instanceof RegoException rego) {
            rego.errors().forEach(error -> err.println("lambda-shield: error: " + error));
            err.flush();
            return ExitCode.USAGE;
        }
        err.println("lambda-shield: internal error: " + exception.getClass().getName() + ": " + exception.getMessage());
        StackTraceElement[] trace = exception.getStackTrace();
        if (trace.length > 0) {
            err.println("  at " + trace[0]);
        }
        err.flush();
        return ExitCode.FINDINGS;
    }
}
