package dev.lambdashield.cli.report;

import dev.lambdashield.cli.scan.FindingKind;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the scan as one self-contained HTML page (inline CSS, script and SVG; nothing is fetched): summary
 * counts, the chart of violations by policy and severity, and the findings table with filters. The figures
 * and rows are written here, so the page shows them even with scripts off; the script only filters.
 */
public final class HtmlReport {

    private static final String TEMPLATE = "report.html";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");

    private HtmlReport() {
    }

    public static void write(ScanResult scan, boolean everyPolicy, PrintWriter out) {
        List<ReportRows.Row> rows = ReportRows.of(scan, everyPolicy);
        Map<String, String> values = new HashMap<>();
        values.put("target", Html.escape(scan.target()));
        values.put("finished", Html.escape(scan.finishedAt().toString()));
        values.put("summary", Html.escape(ScanSummary.line(scan)));
        values.put("cards", cards(scan));
        values.put("severities", severities(scan));
        values.put("chart", HtmlChart.svg(scan));
        values.put("result-options", options(resultValues(rows)));
        values.put("severity-options", options(severityValues()));
        values.put("policy-options", options(policyValues(rows)));
        values.put("row-count", String.valueOf(rows.size()));
        values.put("rows", tableRows(rows));
        String page = fill(template(), values);
        out.print(page);
        out.flush();
    }

    /** Replaces each placeholder in one pass, so text from the scan is never read as a placeholder. */
    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder page = new StringBuilder(template.length() * 2);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("the HTML report template has an unknown placeholder " + matcher.group());
            }
            matcher.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(page);
        return page.toString();
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the HTML report template " + TEMPLATE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cards(ScanResult scan) {
        Map<Compliance, Long> byCompliance = scan.resourcesByCompliance();
        StringBuilder html = new StringBuilder();
        card(html, "resources", "Resources", scan.resources().size(), "");
        card(html, "non-compliant", "Non-compliant", byCompliance.get(Compliance.NON_COMPLIANT), "bad");
        card(html, "compliant", "Compliant", byCompliance.get(Compliance.COMPLIANT), "good");
        card(html, "not-applicable", "Not applicable", byCompliance.get(Compliance.NOT_APPLICABLE), "");
        if (byCompliance.get(Compliance.NOT_EVALUATED) > 0) {
            card(html, "not-evaluated", "Not evaluated", byCompliance.get(Compliance.NOT_EVALUATED), "bad");
        }
        card(html, "violations", "Violations", scan.count(FindingKind.VIOLATION), "bad");
        card(html, "warnings", "Warnings", scan.count(FindingKind.WARNING), "");
        card(html, "policies", "Policies", scan.policies().size(), "");
        return html.toString();
    }

    private static void card(StringBuilder html, String figure, String label, long value, String cssClass) {
        html.append("<div class=\"card ").append(cssClass).append("\" data-figure=\"").append(figure)
                .append("\"><span class=\"value\">").append(value).append("</span><span class=\"label\">")
                .append(label).append("</span></div>\n");
    }

    private static String severities(ScanResult scan) {
        StringBuilder html = new StringBuilder("Violations by severity: ");
        Map<Severity, Long> counts = scan.violationsBySeverity();
        for (Severity severity : ScanSummary.severitiesDescending()) {
            html.append("<span class=\"badge\" style=\"background:").append(SeverityColor.of(severity))
                    .append("\" data-severity=\"").append(severity.name()).append("\">").append(severity.name())
                    .append(' ').append(counts.get(severity)).append("</span> ");
        }
        return html.toString();
    }

    private static String tableRows(List<ReportRows.Row> rows) {
        StringBuilder html = new StringBuilder();
        for (ReportRows.Row row : rows) {
            String severity = row.severity() == null ? "" : row.severity().name();
            html.append("<tr data-result=\"").append(row.result()).append("\" data-severity=\"").append(severity)
                    .append("\" data-policy=\"").append(Html.escape(row.policy())).append("\">")
                    .append("<td>").append(Html.escape(row.resource().resourceName())).append("</td>")
                    .append("<td>").append(Html.escape(row.policy())).append("</td>")
                    .append("<td class=\"result-").append(row.result()).append("\">").append(row.result())
                    .append("</td><td>");
            if (row.severity() != null) {
                html.append("<span class=\"badge\" style=\"background:").append(SeverityColor.of(row.severity()))
                        .append("\">").append(severity).append("</span>");
            }
            html.append("</td><td>").append(Html.escape(row.message())).append("</td>")
                    .append("<td class=\"source\">").append(Html.escape(row.resource().source())).append("</td></tr>\n");
        }
        return html.toString();
    }

    private static Set<String> resultValues(List<ReportRows.Row> rows) {
        Set<String> values = new TreeSet<>();
        rows.forEach(row -> values.add(row.result()));
        return values;
    }

    private static List<String> severityValues() {
        return ScanSummary.severitiesDescending().stream().map(Severity::name).toList();
    }

    private static Set<String> policyValues(List<ReportRows.Row> rows) {
        Set<String> values = new TreeSet<>();
        rows.stream().map(ReportRows.Row::policy).filter(p -> !p.isEmpty()).forEach(values::add);
        return values;
    }

    private static String options(java.util.Collection<String> values) {
        StringBuilder html = new StringBuilder();
        for (String value : values) {
            String escaped = Html.escape(value);
            html.append("<option value=\"").append(escaped).append("\">").append(escaped).append("</option>");
        }
        return html.toString();
    }
}
