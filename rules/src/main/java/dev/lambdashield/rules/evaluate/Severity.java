package dev.lambdashield.rules.evaluate;

import java.util.Locale;

/** A policy's severity, using Security Hub's severity labels so findings can carry it unchanged. */
public enum Severity {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /**
     * Parses a label case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the accepted labels
     */
    public static Severity parse(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("invalid severity '" + label
                    + "': expected INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL", e);
        }
    }
}
