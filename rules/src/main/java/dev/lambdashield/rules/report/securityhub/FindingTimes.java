package dev.lambdashield.rules.report.securityhub;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Timestamp rules for findings: {@code UpdatedAt} must move forward even when clocks disagree. */
final class FindingTimes {

    private FindingTimes() {
    }

    /** {@code now}, or one millisecond after the stored {@code UpdatedAt} when that is not earlier than now. */
    static String updatedAfter(Instant now, ExistingFinding stored) {
        if (stored == null || stored.updatedAt() == null) {
            return now.toString();
        }
        try {
            Instant previous = Instant.parse(stored.updatedAt());
            return previous.isBefore(now) ? now.toString() : previous.plusMillis(1).toString();
        } catch (DateTimeParseException e) {
            return now.toString();
        }
    }
}
