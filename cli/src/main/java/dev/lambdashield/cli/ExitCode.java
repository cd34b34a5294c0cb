package dev.lambdashield.cli;

/** The process exit codes of every command. */
public final class ExitCode {

    /** The command succeeded and found nothing to report. */
    public static final int OK = 0;
    /** The command ran and found violations, failing tests or failing conformance cases. */
    public static final int FINDINGS = 1;
    /** The command line or an input file was invalid; nothing was evaluated. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
