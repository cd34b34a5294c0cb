package dev.lambdashield.cli.report;

import dev.lambdashield.cli.scan.FindingKind;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The one-line summary that closes the table and heads the HTML report. */
public final class ScanSummary {

    private ScanSummary() {
    }

    /**
     * Formats, for example: {@code 12 resources, 22 policies: 7 NON_COMPLIANT, 4 COMPLIANT, 1 NOT_APPLICABLE;
     * 15 violations (1 CRITICAL, 4 HIGH, 6 MEDIUM, 3 LOW, 1 INFORMATIONAL), 2 warnings}.
     */
    public static String line(ScanResult result) {
        Map<Compliance, Long> byCompliance = result.resourcesByCompliance();
        List<String> compliance = new ArrayList<>();
        for (Compliance c : new Compliance[] {Compliance.NON_COMPLIANT, Compliance.COMPLIANT,
                Compliance.NOT_APPLICABLE, Compliance.NOT_EVALUATED}) {
            long count = byCompliance.get(c);
            if (count > 0 || c != Compliance.NOT_EVALUATED) {
                compliance.add(count + " " + c.name());
            }
        }

        Map<Severity, Long> bySeverity = result.violationsBySeverity();
        List<String> severities = new ArrayList<>();
        for (Severity s : severitiesDescending()) {
            severities.add(bySeverity.get(s) + " " + s.name());
        }

        StringBuilder line = new StringBuilder();
        line.append(plural(result.resources().size(), "resource")).append(", ")
                .append(plural(result.policies().size(), "policy", "policies")).append(": ")
                .append(String.join(", ", compliance)).append("; ")
                .append(plural(result.count(FindingKind.VIOLATION), "violation"))
                .append(" (").append(String.join(", ", severities)).append("), ")
                .append(plural(result.count(FindingKind.WARNING), "warning"));
        long errors = result.count(FindingKind.ERROR);
        if (errors > 0) {
            line.append(", ").append(plural(errors, "policy error"));
        }
        return line.toString();
    }

    /** Severities from CRITICAL down to INFORMATIONAL, the order reports list them in. */
    public static List<Severity> severitiesDescending() {
        List<Severity> order = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(order);
        return order;
    }

    static String plural(long count, String noun) {
        return plural(count, noun, noun + "s");
    }

    static String plural(long count, String singular, String pluralForm) {
        return count + " " + (count == 1 ? singular : pluralForm);
    }
}
