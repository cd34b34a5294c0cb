package dev.lambdashield.rules.report;

import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.redact.Redactor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The annotation of a Config evaluation: for NON_COMPLIANT the failing policy ids and the first message, for
 * NOT_APPLICABLE the reason, for COMPLIANT the policies that warned (if any). At most {@value #MAX_LENGTH}
 * characters, the limit of {@code PutEvaluations}. The text is redacted, because policy messages may quote
 * configuration values.
 */
public final class Annotations {

    public static final int MAX_LENGTH = 256;
    static final String ELLIPSIS = "\u2026";
    // A cut looks back this far for a space, so words stay whole unless one word is very long.
    private static final int WORD_BOUNDARY_WINDOW = 40;

    private Annotations() {
    }

    /** Returns the annotation for a decision, or {@code null} when there is nothing to add. */
    public static String of(ResourceDecision decision) {
        switch (decision.compliance()) {
            case NON_COMPLIANT:
                return truncate(Redactor.shared().redact(nonCompliant(decision.denials())));
            case NOT_APPLICABLE:
                return decision.reason() == null ? null
                        : truncate(Redactor.shared().redact("Not applicable: " + decision.reason()));
            case COMPLIANT:
                return compliant(decision.results());
            default:
                return null;
        }
    }

    private static String nonCompliant(List<PolicyResult> denials) {
        String ids = denials.stream().map(r -> r.policy().id()).collect(Collectors.joining(", "));
        return ids + ": " + denials.get(0).denies().get(0).message();
    }

    private static String compliant(List<PolicyResult> results) {
        List<PolicyResult> warned = results.stream().filter(r -> !r.warns().isEmpty()).collect(Collectors.toList());
        if (warned.isEmpty()) {
            return null;
        }
        String ids = warned.stream().map(r -> r.policy().id()).collect(Collectors.joining(", "));
        return truncate(Redactor.shared().redact("Compliant with warnings from " + ids + ": "
                + warned.get(0).warns().get(0).message()));
    }

    /**
     * Cuts {@code text} to {@value #MAX_LENGTH} characters, ending with an ellipsis: at a space when one is near
     * the limit, and never between the two halves of a surrogate pair.
     */
    public static String truncate(String text) {
        if (text == null || text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - ELLIPSIS.length();
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > 0 && end - space <= WORD_BOUNDARY_WINDOW) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
