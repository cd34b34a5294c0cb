package dev.lambdashield.cli.report;

import dev.lambdashield.cli.scan.Finding;
import dev.lambdashield.cli.scan.FindingKind;
import dev.lambdashield.cli.scan.ResourceResult;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Flattens a scan into the rows of the table and HTML reports: one row per violation, warning and policy
 * error, and one row for each resource with nothing to report (COMPLIANT or NOT_APPLICABLE), so that every
 * resource appears.
 */
public final class ReportRows {

    /**
     * One row.
     *
     * @param resource the resource
     * @param policy   the policy id, or empty for a resource-level row
     * @param result   NON_COMPLIANT, WARNING, ERROR, COMPLIANT or NOT_APPLICABLE
     * @param severity the policy's severity, or {@code null} for a resource-level row
     * @param message  the message
     */
    public record Row(ResourceResult resource, String policy, String result, Severity severity, String message) {
    }

    private ReportRows() {
    }

    /** Builds the rows; with {@code everyPolicy}, passes get a row each as well. */
    public static List<Row> of(ScanResult scan, boolean everyPolicy) {
        List<ResourceResult> resources = new ArrayList<>(scan.resources());
        resources.sort(Comparator.comparing(ResourceResult::resourceName).thenComparing(ResourceResult::source));

        List<Row> rows = new ArrayList<>();
        for (ResourceResult resource : resources) {
            rows.addAll(rowsOf(resource, everyPolicy));
        }
        return rows;
    }

    private static List<Row> rowsOf(ResourceResult resource, boolean everyPolicy) {
        List<Row> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(resource.findings());
        findings.sort(Comparator.comparing(Finding::kind)
                .thenComparing(Finding::severity, Comparator.reverseOrder())
                .thenComparing(Finding::policyId));
        for (Finding finding : findings) {
            if (finding.kind() != FindingKind.PASS || everyPolicy) {
                rows.add(new Row(resource, finding.policyId(), label(finding.kind()), finding.severity(),
                        finding.message()));
            }
        }
        if (rows.isEmpty() || (!everyPolicy && onlyWarnings(rows))) {
            rows.add(resourceRow(resource));
        }
        return rows;
    }

    private static boolean onlyWarnings(List<Row> rows) {
        return rows.stream().allMatch(r -> r.result().equals("WARNING"));
    }

    private static Row resourceRow(ResourceResult resource) {
        String message;
        if (resource.compliance() == Compliance.COMPLIANT) {
            long passed = resource.findings().stream().filter(f -> f.kind() != FindingKind.ERROR).count();
            message = "no violations from " + ScanSummary.plural(passed, "policy", "policies");
        } else {
            message = resource.reason() == null ? "" : resource.reason();
        }
        return new Row(resource, "", resource.compliance().name(), null, message);
    }

    /** Returns the result column's label for a finding. */
    public static String label(FindingKind kind) {
        switch (kind) {
            case VIOLATION:
                return Compliance.NON_COMPLIANT.name();
            case WARNING:
                return "WARNING";
            case ERROR:
                return "ERROR";
            default:
                return Compliance.COMPLIANT.name();
        }
    }
}
