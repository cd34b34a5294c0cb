package dev.lambdashield.cli.report;

import dev.lambdashield.cli.scan.ScanResult;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the compliance table (function, policy, result, severity, message) and the summary line. */
public final class TableReport {

    private static final String[] HEADERS = {"FUNCTION", "POLICY", "RESULT", "SEVERITY", "MESSAGE"};
    /** Columns are cut at these widths so that one row stays one line on a wide terminal. */
    private static final int[] MAX_WIDTHS = {40, 40, 14, 13, 100};

    private TableReport() {
    }

    public static void write(ScanResult scan, boolean everyPolicy, PrintWriter out) {
        List<String[]> cells = new ArrayList<>();
        for (ReportRows.Row row : ReportRows.of(scan, everyPolicy)) {
            cells.add(new String[] {
                row.resource().resourceName(),
                row.policy().isEmpty() ? "-" : row.policy(),
                row.result(),
                row.severity() == null ? "-" : row.severity().name(),
                row.message().isEmpty() ? "-" : row.message()
            });
        }

        int[] widths = columnWidths(cells);
        printRow(out, HEADERS, widths);
        for (String[] row : cells) {
            printRow(out, row, widths);
        }
        out.println();
        out.println(ScanSummary.line(scan));
        for (String skipped : scan.skipped()) {
            out.println("skipped " + skipped);
        }
        out.flush();
    }

    private static int[] columnWidths(List<String[]> cells) {
        int[] widths = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.min(MAX_WIDTHS[i], Math.max(widths[i], oneLine(row[i]).length()));
            }
        }
        return widths;
    }

    private static void printRow(PrintWriter out, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            String cell = fit(oneLine(row[i]), widths[i]);
            line.append(cell);
            if (i < row.length - 1) {
                line.append(" ".repeat(widths[i] - cell.length())).append("  ");
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    private static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return text.substring(0, width - 3) + "...";
    }
}
