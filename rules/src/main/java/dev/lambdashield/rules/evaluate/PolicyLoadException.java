package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.ast.Location;

import java.util.List;

/**
 * A policy bundle that cannot be used: a Rego compile error, invalid or missing metadata, a duplicate id, or
 * an unreadable data file. The message lists every problem as {@code file:line:col: code: message}.
 */
public class PolicyLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem in a policy bundle. */
    public record Problem(String code, String message, Location location) {
        @Override
        public String toString() {
            return location + ": " + code + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public PolicyLoadException(List<Problem> problems, Throwable cause) {
        super(format(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public PolicyLoadException(String code, String message, Location location) {
        this(List.of(new Problem(code, message, location)), null);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        StringBuilder text = new StringBuilder("the policy bundle cannot be loaded:");
        for (Problem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
