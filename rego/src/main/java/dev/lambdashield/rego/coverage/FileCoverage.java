package dev.lambdashield.rego.coverage;

import java.util.List;

/**
 * The coverage of one module file: the counted lines that evaluation reached ({@code covered}) and
 * those it did not ({@code notCovered}), as ranges of consecutive lines.
 */
public record FileCoverage(String file, List<LineRange> covered, List<LineRange> notCovered) {

    public FileCoverage {
        covered = List.copyOf(covered);
        notCovered = List.copyOf(notCovered);
    }

    public int coveredLines() {
        return countLines(covered);
    }

    public int notCoveredLines() {
        return countLines(notCovered);
    }

    /** Returns the covered share of the counted lines in percent, rounded to two decimals. */
    public double percent() {
        return CoverageReport.percent(coveredLines(), notCoveredLines());
    }

    static int countLines(List<LineRange> ranges) {
        int total = 0;
        for (LineRange range : ranges) {
            total += range.size();
        }
        return total;
    }
}
