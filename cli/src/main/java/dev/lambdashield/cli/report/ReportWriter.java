package dev.lambdashield.cli.report;

import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.scan.ScanResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a scan in the requested format to stdout or to a file. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes the report.
     *
     * @param output the file to write, or {@code null} for {@code stdout}
     * @throws CliException when the file cannot be written
     */
    public static void write(ScanResult scan, ReportFormat format, boolean everyPolicy, Path output,
                             PrintWriter stdout) {
        if (output == null) {
            render(scan, format, everyPolicy, stdout);
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                render(scan, format, everyPolicy, file);
            }
        } catch (IOException e) {
            throw new CliException(output + ": cannot write the report: " + e.getMessage(), e);
        }
    }

    private static void render(ScanResult scan, ReportFormat format, boolean everyPolicy, PrintWriter out) {
        switch (format) {
            case TABLE:
                TableReport.write(scan, everyPolicy, out);
                break;
            case JSON:
                JsonReport.write(scan, out);
                break;
            case ASFF:
                AsffReport.write(scan, out);
                break;
            case SARIF:
                SarifReport.write(scan, out);
                break;
            case HTML:
                HtmlReport.write(scan, everyPolicy, out);
                break;
            default:
                throw new IllegalStateException("no writer for format " + format);
        }
        out.flush();
    }
}
