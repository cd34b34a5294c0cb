package dev.lambdashield.rules.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembered secret values indexed by their first characters, so that masking a text costs time in proportion to
 * the text's length rather than to the number of remembered values. A periodic run remembers the environments of
 * thousands of functions, and testing each value against each output line made redaction quadratic.
 */
final class SecretIndex {

    static final SecretIndex EMPTY = new SecretIndex(Map.of(), List.of());

    /** Values at least this long are found through the index; shorter ones are tried at every position. */
    private static final int KEY_LENGTH = 4;

    private static final Comparator<String> LONGEST_FIRST =
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

    private final Map<String, List<String>> byPrefix;
    private final List<String> shortValues;

    private SecretIndex(Map<String, List<String>> byPrefix, List<String> shortValues) {
        this.byPrefix = byPrefix;
        this.shortValues = shortValues;
    }

    static SecretIndex of(Collection<String> values) {
        Map<String, List<String>> byPrefix = new HashMap<>();
        List<String> shortValues = new ArrayList<>();
        for (String value : values) {
            if (value.length() >= KEY_LENGTH) {
                byPrefix.computeIfAbsent(value.substring(0, KEY_LENGTH), key -> new ArrayList<>()).add(value);
            } else if (!value.isEmpty()) {
                shortValues.add(value);
            }
        }
        byPrefix.values().forEach(candidates -> candidates.sort(LONGEST_FIRST));
        shortValues.sort(LONGEST_FIRST);
        return new SecretIndex(byPrefix, List.copyOf(shortValues));
    }

    /**
     * Replaces every occurrence of a remembered value with {@code mask}, scanning left to right and taking the
     * longest value that starts at each position, so a value that contains another is replaced whole.
     */
    String maskAll(String text, String mask) {
        if (byPrefix.isEmpty() && shortValues.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int copiedUpTo = 0;
        int position = 0;
        while (position < text.length()) {
            String match = longestMatchAt(text, position);
            if (match == null) {
                position++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copiedUpTo, position).append(mask);
            position += match.length();
            copiedUpTo = position;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copiedUpTo, text.length()).toString();
    }

    private String longestMatchAt(String text, int position) {
        if (position + KEY_LENGTH <= text.length()) {
            List<String> candidates = byPrefix.get(text.substring(position, position + KEY_LENGTH));
            if (candidates != null) {
                for (String candidate : candidates) {
                    if (text.startsWith(candidate, position)) {
                        return candidate;
                    }
                }
            }
        }
        for (String candidate : shortValues) {
            if (text.startsWith(candidate, position)) {
                return candidate;
            }
        }
        return null;
    }
}
