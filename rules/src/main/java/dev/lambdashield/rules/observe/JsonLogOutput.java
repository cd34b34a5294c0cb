package dev.lambdashield.rules.observe;

import dev.lambdashield.rules.redact.Redactor;
import org.slf4j.event.Level;

import java.io.PrintStream;
import java.util.function.UnaryOperator;

/**
 * The destination of JSON log lines and metric lines, and the level threshold. Logging is process-wide, so this
 * is static state. The Lambda keeps the default, standard output, which Lambda sends to CloudWatch Logs. The CLI
 * may redirect it to standard error so it does not mix with its own output.
 */
public final class JsonLogOutput {

    private static final String OWN_LOGGERS = "dev.lambdashield.";

    private static volatile PrintStream out = System.out;
    private static volatile Level threshold = Level.INFO;
    // Library loggers (the SDK) speak only at WARN and above, so their chatter never floods the log.
    private static volatile Level libraryThreshold = Level.WARN;
    // Every text written to a log line passes this, so no secret or environment value reaches the log.
    private static volatile UnaryOperator<String> redaction = Redactor.shared()::redact;

    private JsonLogOutput() {
    }

    /** Sends log and metric lines to {@code stream}. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    /** Sets the lowest level written for the module's own loggers. */
    public static void threshold(Level level) {
        threshold = level;
        if (level.toInt() > Level.WARN.toInt()) {
            libraryThreshold = level;
        }
    }

    /** Replaces the redaction applied to every message, field value and stack trace. */
    public static void redaction(UnaryOperator<String> redactor) {
        redaction = redactor;
    }

    static String redact(String text) {
        return text == null ? null : redaction.apply(text);
    }

    public static PrintStream stream() {
        return out;
    }

    static boolean enabled(String logger, Level level) {
        Level limit = logger.startsWith(OWN_LOGGERS) ? threshold : libraryThreshold;
        return level.toInt() >= limit.toInt();
    }

    /** Writes one complete line; lines from different threads never interleave. */
    static void write(String line) {
        PrintStream stream = out;
        synchronized (stream) {
            stream.println(line);
            stream.flush();
        }
    }
}
