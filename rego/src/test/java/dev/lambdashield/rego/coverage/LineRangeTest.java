package dev.lambdashield.rego.coverage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineRangeTest {

    @Test
    void consecutiveLinesMerge() {
        assertEquals(List.of(new LineRange(1, 3), new LineRange(5, 5), new LineRange(7, 8)),
                LineRange.of(List.of(1, 2, 3, 5, 7, 8)));
    }

    @Test
    void noLinesNoRanges() {
        assertEquals(List.of(), LineRange.of(List.of()));
    }

    @Test
    void invalidRangeRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LineRange(4, 3));
    }
}
