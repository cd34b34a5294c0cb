package dev.lambdashield.benchmarks.harness;

import java.util.Locale;

/** Formats one measured figure against an upper limit: PASS or MISS, with the factor between them. */
final class Verdict {

    private Verdict() {
    }

    /**
     * Returns a line such as {@code MISS  evaluation / parse = 41.20 (limit <= 3.00; 13.73x the limit)}.
     *
     * @param label what was measured
     * @param value the measured value, in the unit of {@code limit}
     * @param limit the largest value that meets the target
     * @param unit  unit printed after both numbers, empty for a plain ratio
     */
    static String atMost(String label, double value, double limit, String unit) {
        boolean pass = value <= limit;
        String factor = pass ? String.format(Locale.ROOT, "%.2fx below the limit", limit / value)
                : String.format(Locale.ROOT, "%.2fx the limit", value / limit);
        return String.format(Locale.ROOT, "%-4s  %s = %.2f%s (limit <= %.2f%s; %s)", pass ? "PASS" : "MISS", label,
                value, unit, limit, unit, factor);
    }

    static String info(String label, double value, String unit) {
        return String.format(Locale.ROOT, "      %s = %.2f%s", label, value, unit);
    }
}
