package dev.lambdashield.cli.report;

import dev.lambdashield.rules.evaluate.Severity;

/** The colour of each severity in the HTML report's chart, legend and badges. */
final class SeverityColor {

    private SeverityColor() {
    }

    static String of(Severity severity) {
        switch (severity) {
            case CRITICAL:
                return "#7f1d1d";
            case HIGH:
                return "#dc2626";
            case MEDIUM:
                return "#f59e0b";
            case LOW:
                return "#2563eb";
            default:
                return "#6b7280";
        }
    }
}
