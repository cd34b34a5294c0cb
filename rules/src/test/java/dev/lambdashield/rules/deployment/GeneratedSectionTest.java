package dev.lambdashield.rules.deployment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeneratedSectionTest {

    private static final String TEMPLATE = "Resources:\n  A: 1\n  " + GeneratedSection.BEGIN + "\n  Old: 2\n  "
            + GeneratedSection.END + "\n  B: 3\n";

    @Test
    void extract_returnsLinesBetweenMarkers() {
        assertEquals("  Old: 2\n", GeneratedSection.extract(TEMPLATE));
    }

    @Test
    void replace_keepsEverythingOutsideMarkers() {
        String replaced = GeneratedSection.replace(TEMPLATE, "  New: 4");

        assertEquals("Resources:\n  A: 1\n  " + GeneratedSection.BEGIN + "\n  New: 4\n  " + GeneratedSection.END
                + "\n  B: 3\n", replaced);
        assertEquals("  New: 4\n", GeneratedSection.extract(replaced));
    }

    @Test
    void replace_withEmptyText_leavesMarkersAdjacent() {
        assertEquals("", GeneratedSection.extract(GeneratedSection.replace(TEMPLATE, "")));
    }

    @Test
    void missingEndMarker_isRejectedWithCode() {
        DeploymentConfigException e = assertThrows(DeploymentConfigException.class,
                () -> GeneratedSection.extract("  " + GeneratedSection.BEGIN + "\n  X: 1\n"));

        assertEquals(DeploymentConfigException.MARKERS_MISSING, e.code());
    }

    @Test
    void endBeforeBegin_isRejected() {
        assertThrows(DeploymentConfigException.class,
                () -> GeneratedSection.extract(GeneratedSection.END + "\n" + GeneratedSection.BEGIN + "\n"));
    }
}
