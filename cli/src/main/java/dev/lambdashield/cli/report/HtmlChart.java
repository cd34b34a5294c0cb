package dev.lambdashield.cli.report;

import dev.lambdashield.cli.scan.Finding;
import dev.lambdashield.cli.scan.FindingKind;
import dev.lambdashield.cli.scan.ResourceResult;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rules.evaluate.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the report's bar chart of violations by policy as inline SVG, each policy's bar split by severity.
 * The SVG is written by the server side, so the figures are in the page even with scripts disabled.
 */
final class HtmlChart {

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 300;
    private static final int BAR_AREA = 380;
    private static final int ROW_HEIGHT = 24;
    private static final int BAR_HEIGHT = 16;
    private static final int TOP = 8;
    private static final int LEGEND_HEIGHT = 30;

    private HtmlChart() {
    }

    /** Counts violations per policy and severity, policies with the most violations first. */
    static Map<String, Map<Severity, Long>> violationsByPolicy(ScanResult scan) {
        Map<String, Map<Severity, Long>> counts = new LinkedHashMap<>();
        for (ResourceResult resource : scan.resources()) {
            for (Finding finding : resource.findings()) {
                if (finding.kind() == FindingKind.VIOLATION) {
                    counts.computeIfAbsent(finding.policyId(), id -> new EnumMap<>(Severity.class))
                            .merge(finding.severity(), 1L, Long::sum);
                }
            }
        }
        List<Map.Entry<String, Map<Severity, Long>>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, Map<Severity, Long>> e) -> -total(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        Map<String, Map<Severity, Long>> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static String svg(ScanResult scan) {
        Map<String, Map<Severity, Long>> byPolicy = violationsByPolicy(scan);
        if (byPolicy.isEmpty()) {
            return "<p class=\"empty\">No violations.</p>";
        }
        long max = byPolicy.values().stream().mapToLong(HtmlChart::total).max().orElse(1);
        int height = TOP + byPolicy.size() * ROW_HEIGHT + LEGEND_HEIGHT;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"violations-chart\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-label=\"Violations by policy and severity\">\n");
        int row = 0;
        for (Map.Entry<String, Map<Severity, Long>> entry : byPolicy.entrySet()) {
            appendBar(svg, entry.getKey(), entry.getValue(), max, TOP + row * ROW_HEIGHT);
            row++;
        }
        appendLegend(svg, TOP + byPolicy.size() * ROW_HEIGHT + 10);
        svg.append("</svg>");
        return svg.toString();
    }

    private static void appendBar(StringBuilder svg, String policy, Map<Severity, Long> counts, long max, int y) {
        svg.append("<g class=\"bar\" data-policy=\"").append(Html.escape(policy)).append("\" data-total=\"")
                .append(total(counts)).append("\">");
        svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + BAR_HEIGHT - 3)
                .append("\" text-anchor=\"end\">").append(Html.escape(policy)).append("</text>");
        double x = LABEL_WIDTH;
        for (Severity severity : ScanSummary.severitiesDescending()) {
            long count = counts.getOrDefault(severity, 0L);
            if (count == 0) {
                continue;
            }
            double width = Math.max(2.0, BAR_AREA * (double) count / max);
            svg.append("<rect x=\"").append(format(x)).append("\" y=\"").append(y).append("\" width=\"")
                    .append(format(width)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"")
                    .append(SeverityColor.of(severity)).append("\" data-severity=\"").append(severity.name())
                    .append("\" data-count=\"").append(count).append("\"><title>").append(Html.escape(policy))
                    .append(": ").append(count).append(' ').append(severity.name()).append("</title></rect>");
            x += width;
        }
        svg.append("<text class=\"count\" x=\"").append(format(x + 6)).append("\" y=\"").append(y + BAR_HEIGHT - 3)
                .append("\">").append(total(counts)).append("</text></g>\n");
    }

    private static void appendLegend(StringBuilder svg, int y) {
        int x = LABEL_WIDTH;
        for (Severity severity : ScanSummary.severitiesDescending()) {
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(SeverityColor.of(severity)).append("\"/>");
            svg.append("<text x=\"").append(x + 16).append("\" y=\"").append(y + 11).append("\">")
                    .append(severity.name()).append("</text>");
            x += 30 + severity.name().length() * 7;
        }
        svg.append('\n');
    }

    private static long total(Map<Severity, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String format(double number) {
        return String.format(java.util.Locale.ROOT, "%.1f", number);
    }
}
