package dev.lambdashield.rules.report.securityhub;

/**
 * A finding Security Hub already holds, as far as the reporter needs it.
 *
 * @param id               the finding id
 * @param createdAt        when it was first imported (ISO-8601), kept unchanged on every update
 * @param updatedAt        its last update time (ISO-8601); the next import must be later
 * @param complianceStatus {@code FAILED}, {@code PASSED}, ... or {@code null}
 * @param recordState      {@code ACTIVE} or {@code ARCHIVED}
 */
public record ExistingFinding(String id, String createdAt, String updatedAt, String complianceStatus,
                              String recordState) {

    /** Returns whether the stored finding already shows {@code state}, so importing it again would change nothing. */
    public boolean shows(FindingState state) {
        switch (state) {
            case PASSED:
                return "ACTIVE".equals(recordState) && "PASSED".equals(complianceStatus);
            case ARCHIVED:
                return "ARCHIVED".equals(recordState);
            default:
                return false;
        }
    }
}
