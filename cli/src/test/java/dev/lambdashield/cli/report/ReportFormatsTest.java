package dev.lambdashield.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.cli.scan.ScanResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFormatsTest {

    private static final String SUMMARY = "4 resources, 3 policies: 2 NON_COMPLIANT, 1 COMPLIANT, 1 NOT_APPLICABLE; "
            + "3 violations (1 CRITICAL, 1 HIGH, 0 MEDIUM, 1 LOW, 0 INFORMATIONAL), 1 warning";

    @Test
    void summaryLineCountsResourcesAndSeverities() {
        assertEquals(SUMMARY, ScanSummary.line(SampleScans.sample()));
    }

    @Test
    void tableHasOneRowPerFindingAndResource() {
        String table = render(out -> TableReport.write(SampleScans.sample(), false, out));
        List<String> lines = table.lines().toList();

        assertTrue(lines.get(0).matches("FUNCTION +POLICY +RESULT +SEVERITY +MESSAGE"), lines.get(0));
        assertEquals(SUMMARY, lines.get(lines.size() - 1));
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "open +lambda-public-access-prohibited +NON_COMPLIANT +CRITICAL +the resource policy allows .*")), table);
        assertTrue(lines.stream().anyMatch(l -> l.matches("good +- +COMPLIANT +- +no violations from 3 policies")),
                table);
        assertTrue(lines.stream().anyMatch(l -> l.matches("gone +- +NOT_APPLICABLE +- +ResourceDeleted")), table);
        assertTrue(lines.stream().anyMatch(l -> l.matches("old +lambda-tracing-active +WARNING +LOW +tracing sampled only")),
                table);
        // header, 3 violations, 1 warning, 2 resource rows, blank line, summary
        assertEquals(9, lines.size(), table);
    }

    @Test
    void tableWithEveryPolicyListsPasses() {
        String table = render(out -> TableReport.write(SampleScans.sample(), true, out));

        assertTrue(table.lines().anyMatch(l -> l.matches("good +lambda-tracing-active +COMPLIANT +LOW +-")), table);
    }

    @Test
    void jsonCarriesSummaryAndFindings() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(out -> JsonReport.write(SampleScans.sample(), out)));

        assertEquals(4, root.at("/summary/resources").asInt());
        assertEquals(3, root.at("/summary/violations").asInt());
        assertEquals(1, root.at("/summary/violationsBySeverity/CRITICAL").asInt());
        assertEquals(2, root.at("/summary/compliance/NON_COMPLIANT").asInt());
        assertEquals("open", root.at("/resources/0/resourceName").asText());
        assertEquals("NON_COMPLIANT", root.at("/resources/0/findings/0/result").asText());
        assertEquals("CRITICAL", root.at("/resources/0/findings/0/severity").asText());
    }

    @Test
    void sarifHasRulesAndResults() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(out -> SarifReport.write(SampleScans.sample(), out)));

        assertEquals("2.1.0", root.get("version").asText());
        JsonNode run = root.at("/runs/0");
        assertEquals(3, run.at("/tool/driver/rules").size());
        assertEquals(4, run.get("results").size(), "3 violations and 1 warning");
        JsonNode first = run.at("/results/0");
        assertEquals("lambda-public-access-prohibited", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:open",
                first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
    }

    @Test
    void htmlIsSelfContainedAndEscaped() {
        ScanResult scan = SampleScans.sample();
        String html = render(out -> HtmlReport.write(scan, false, out));

        assertFalse(html.contains("{{"), "every placeholder is filled");
        for (String external : new String[] {"src=\"http", "href=\"http", "url(http", "@import", "<link"}) {
            assertFalse(html.contains(external), "no external resource: " + external);
        }
        assertTrue(html.contains("anyone to invoke &lt;fn&gt; &amp; more"), "messages are escaped");
        assertTrue(html.contains("data-figure=\"violations\"><span class=\"value\">3<"), html);
        assertTrue(html.contains("<svg id=\"violations-chart\""), html);
        assertTrue(html.contains("data-severity=\"CRITICAL\" data-count=\"1\""), html);
    }

    private interface Writer {
        void write(PrintWriter out);
    }

    private static String render(Writer writer) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        writer.write(out);
        out.flush();
        return text.toString();
    }
}
