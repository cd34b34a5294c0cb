package dev.lambdashield.rules.report;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Violation;
import dev.lambdashield.rules.testutils.Decisions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationsTest {

    private static final Instant TIME = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void nonCompliant_idsThenFirstMessage() {
        ResourceDecision decision = new ResourceDecision(MissingNode.getInstance(), Decisions.FUNCTION, "fn", null,
                Compliance.NON_COMPLIANT, List.of(
                        denied("lambda-function-not-public", "anyone can invoke fn"),
                        new PolicyResult(Decisions.policy("lambda-inside-vpc"), List.of(), List.of(), null),
                        denied("lambda-tracing-active", "fn has no active tracing")), TIME, null);

        assertEquals("lambda-function-not-public, lambda-tracing-active: anyone can invoke fn",
                Annotations.of(decision));
    }

    @Test
    void notApplicable_reason() {
        ResourceDecision decision = ResourceDecision.notApplicable(MissingNode.getInstance(), Decisions.FUNCTION, "fn",
                null, TIME, "ResourceDeleted");

        assertEquals("Not applicable: ResourceDeleted", Annotations.of(decision));
    }

    @Test
    void compliantWithoutWarnings_none() {
        assertNull(Annotations.of(Decisions.compliant("fn", TIME)));
    }

    @Test
    void longText_cutAtWordWithEllipsis() {
        String text = "word ".repeat(80);

        String cut = Annotations.truncate(text);

        assertTrue(cut.length() <= Annotations.MAX_LENGTH, String.valueOf(cut.length()));
        assertTrue(cut.endsWith("word" + Annotations.ELLIPSIS), cut);
    }

    @Test
    void longText_neverSplitsSurrogatePair() {
        String text = "a".repeat(Annotations.MAX_LENGTH - 2) + "\uD83D\uDD12".repeat(10);

        String cut = Annotations.truncate(text);

        assertTrue(cut.length() <= Annotations.MAX_LENGTH);
        char beforeEllipsis = cut.charAt(cut.length() - 2);
        assertFalse(Character.isHighSurrogate(beforeEllipsis), "a lone high surrogate was left");
    }

    @Test
    void shortText_unchanged() {
        assertEquals("short", Annotations.truncate("short"));
    }

    private static PolicyResult denied(String id, String message) {
        return new PolicyResult(Decisions.policy(id), List.of(new Violation(message, List.of(), NullValue.INSTANCE)),
                List.of(), null);
    }
}
