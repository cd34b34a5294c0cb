package dev.lambdashield.cli.report;

import dev.lambdashield.rules.evaluate.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens the HTML report in headless Chromium and checks what the page shows. */
class HtmlReportBrowserTest {

    @TempDir
    Path dir;

    private Path writeReport() throws Exception {
        Path report = dir.resolve("report.html");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            HtmlReport.write(SampleScans.sample(), false, out);
        }
        return report;
    }

    @Test
    void browserShowsSummaryChartAndRows() throws Exception {
        Path report = writeReport();

        String dom = Chromium.find(dir).dumpDom(report.toUri().toString());

        assertEquals("4", figure(dom, "resources"));
        assertEquals("2", figure(dom, "non-compliant"));
        assertEquals("1", figure(dom, "compliant"));
        assertEquals("1", figure(dom, "not-applicable"));
        assertEquals("3", figure(dom, "violations"));
        assertEquals("1", figure(dom, "warnings"));
        assertTrue(dom.contains("data-policy=\"lambda-public-access-prohibited\" data-total=\"1\""), dom);
        assertTrue(dom.contains("data-policy=\"lambda-runtime-supported\" data-total=\"1\""), dom);
        assertTrue(dom.contains("data-filtered=\"true\""),
                "the filter script ran");
        assertEquals("6", text(dom, "visible-count"), "all rows visible without a filter");
        assertEquals("6", text(dom, "total-count"));
    }

    @Test
    void browserAppliesFilterFromLink() throws Exception {
        Path report = writeReport();

        String dom = Chromium.find(dir).dumpDom(report.toUri() + "#result=NON_COMPLIANT&severity=CRITICAL");

        assertEquals("1", text(dom, "visible-count"), "one CRITICAL violation");
        Matcher hidden = Pattern.compile("<tr [^>]*hidden[^>]*>").matcher(dom);
        int hiddenRows = 0;
        while (hidden.find()) {
            hiddenRows++;
        }
        assertEquals(5, hiddenRows, "the other rows are hidden");
    }

    @Test
    void screenshotDrawsChartInSeverityColours() throws Exception {
        Path report = writeReport();

        Path png = Chromium.find(dir).screenshot(report.toUri().toString(), 1200, 1000);

        BufferedImage image = ImageIO.read(png.toFile());
        for (Severity severity : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.LOW}) {
            int rgb = Integer.parseInt(SeverityColor.of(severity).substring(1), 16);
            assertTrue(countPixels(image, rgb) > 100, severity + " bar is drawn in " + SeverityColor.of(severity));
        }
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String figure(String dom, String name) {
        Matcher m = Pattern.compile("data-figure=\"" + name + "\"><span class=\"value\">(\\d+)</span>").matcher(dom);
        assertTrue(m.find(), "figure " + name + " is in the page");
        return m.group(1);
    }

    private static String text(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(dom);
        assertTrue(m.find(), "element " + id + " is in the page");
        return m.group(1);
    }
}
