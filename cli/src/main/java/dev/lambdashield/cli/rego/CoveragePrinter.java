package dev.lambdashield.cli.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lambdashield.rego.coverage.CoverageJson;
import dev.lambdashield.rego.coverage.CoverageReport;
import dev.lambdashield.rego.coverage.FileCoverage;
import dev.lambdashield.rego.coverage.LineRange;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the coverage report of {@code test --coverage}, as a table or as OPA's coverage JSON. */
final class CoveragePrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CoveragePrinter() {
    }

    /** Prints one line per policy file with its percentage and the lines not covered, then the total. */
    static void printTable(CoverageReport report, PrintWriter out) {
        out.println("Coverage (lines of rule heads and body expressions evaluated, test files excluded):");
        for (FileCoverage file : report.files().values()) {
            String missing = file.notCovered().isEmpty() ? ""
                    : "  not covered: " + file.notCovered().stream().map(LineRange::toString)
                    .collect(Collectors.joining(", "));
            out.println(percent(file.percent()) + "  " + file.file() + missing);
        }
        out.println(percent(report.percent()) + "  total (" + report.coveredLines() + " of "
                + (report.coveredLines() + report.notCoveredLines()) + " lines)");
    }

    /** Prints the report in the JSON layout of {@code opa test --coverage}. */
    static void printJson(CoverageReport report, PrintWriter out) {
        try {
            out.println(JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(CoverageJson.toJson(report)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the coverage report as JSON", e);
        }
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%7.2f%%", value);
    }
}
