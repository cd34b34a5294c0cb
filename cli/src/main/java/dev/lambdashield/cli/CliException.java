package dev.lambdashield.cli;

/**
 * A problem with the command line or an input file. The message is printed as one line and the
 * process exits with {@link ExitCode#USAGE}; it names the file or value and says what is wrong.
 */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
