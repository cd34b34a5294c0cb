package dev.lambdashield.rules.evaluate;

import java.util.Locale;

/** The declared type of a policy parameter; the rule's string parameters are converted to it. */
public enum ParameterType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    /** A list of strings, given to the rule as one comma-separated string. */
    LIST;

    /** Parses the metadata spelling ({@code string}, {@code integer}, ...). */
    public static ParameterType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("invalid parameter type '" + name
                    + "': expected string, integer, number, boolean or list", e);
        }
    }

    /** The spelling used in policy metadata. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
