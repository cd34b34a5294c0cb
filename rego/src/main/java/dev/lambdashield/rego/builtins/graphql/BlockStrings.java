package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The GraphQL block string value: common indentation and leading and trailing blank lines removed. */
final class BlockStrings {

    private BlockStrings() {
    }

    static String value(String raw) {
        List<String> lines = new ArrayList<>(Arrays.asList(raw.split("\n", -1)));
        int commonIndent = Integer.MAX_VALUE;
        // The first line is not indented by the author, so it does not count towards the common indent.
        for (int i = 1; i < lines.size(); i++) {
            int indent = leadingWhitespace(lines.get(i));
            if (indent < commonIndent) {
                commonIndent = indent;
            }
        }
        if (commonIndent != Integer.MAX_VALUE) {
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                lines.set(i, line.length() < commonIndent ? "" : line.substring(commonIndent));
            }
        }
        int first = 0;
        int last = lines.size();
        while (first < last && leadingWhitespace(lines.get(first)) == Integer.MAX_VALUE) {
            first++;
        }
        while (first < last && leadingWhitespace(lines.get(last - 1)) == Integer.MAX_VALUE) {
            last--;
        }
        return String.join("\n", lines.subList(first, last));
    }

    /** Returns the count of leading spaces and tabs, or MAX_VALUE for a line of only white space. */
    private static int leadingWhitespace(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
