package dev.lambdashield.rules.evaluate;

import java.util.Locale;

/** How a policy's remediation is started. */
public enum RemediationMode {
    /** Start the SSM Automation document at once. */
    AUTO,
    /** Start the response state machine, which asks a person before remediating. */
    APPROVAL,
    /** Only recommend the fix. */
    MANUAL;

    /** Parses the metadata spelling ({@code auto}, {@code approval}, {@code manual}). */
    public static RemediationMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("invalid remediation mode '" + name
                    + "': expected auto, approval or manual", e);
        }
    }
}
