package dev.lambdashield.rules.remediate;

import java.util.Locale;

/** The global remediation switch. */
public enum RemediationSwitch {
    /** No remediation is started or printed; every candidate is logged as skipped. */
    OFF,
    /** Start requests are printed as dry-run lines and not sent. */
    DRY_RUN,
    /** Start requests are sent. */
    ON;

    /**
     * Parses {@code off}, {@code dry-run} or {@code on}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values (not the given one, which comes from the
     *                                  environment)
     */
    public static RemediationSwitch parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "off":
                return OFF;
            case "dry-run":
            case "dryrun":
            case "dry_run":
                return DRY_RUN;
            case "on":
                return ON;
            default:
                throw new IllegalArgumentException("expected off, dry-run or on");
        }
    }

    /** Returns the spelling used in settings and logs. */
    public String label() {
        return this == DRY_RUN ? "dry-run" : name().toLowerCase(Locale.ROOT);
    }
}
