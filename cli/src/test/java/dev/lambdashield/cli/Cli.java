package dev.lambdashield.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in-process as the launcher would, capturing exit code, stdout and stderr. */
public final class Cli {

    /** What one command line produced. */
    public record Result(int exitCode, String out, String err) {

        /** Formats everything, for assertion messages. */
        public String describe() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private Cli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** Returns the checkout's root, which the build sets for tests. */
    public static Path repoRoot() {
        String root = System.getProperty("lambdashield.repo.root");
        if (root == null) {
            return Path.of("..").toAbsolutePath().normalize();
        }
        return Path.of(root);
    }
}
