package dev.lambdashield.rego.coverage;

import java.util.ArrayList;
import java.util.List;

/** An inclusive range of 1-based source lines. */
public record LineRange(int start, int end) {

    public LineRange {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("invalid line range " + start + "-" + end);
        }
    }

    /** Merges ascending line numbers into ranges of consecutive lines. */
    public static List<LineRange> of(Iterable<Integer> ascendingLines) {
        List<LineRange> ranges = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int line : ascendingLines) {
            if (start > 0 && line == end + 1) {
                end = line;
                continue;
            }
            if (start > 0) {
                ranges.add(new LineRange(start, end));
            }
            start = line;
            end = line;
        }
        if (start > 0) {
            ranges.add(new LineRange(start, end));
        }
        return ranges;
    }

    /** Returns the number of lines in the range. */
    public int size() {
        return end - start + 1;
    }

    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
