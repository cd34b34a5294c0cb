package dev.lambdashield.rego.builtins;

import java.util.List;

/**
 * Translates a glob into an equivalent RE2 regular expression: {@code *} is any run of
 * non-delimiter characters, {@code **} any run at all, {@code ?} one non-delimiter character,
 * {@code [a-z]} and {@code [!a-z]} character classes, {@code {a,b}} alternatives, and a backslash
 * escapes the next character.
 */
final class GlobTranslator {

    private final String glob;
    private final String oneCharacter;
    private int position;

    private GlobTranslator(String glob, List<Integer> delimiters) {
        this.glob = glob;
        if (delimiters.isEmpty()) {
            this.oneCharacter = ".";
        } else {
            StringBuilder excluded = new StringBuilder("[^");
            delimiters.forEach(d -> excluded.append(escapeInClass(d)));
            this.oneCharacter = excluded.append(']').toString();
        }
    }

    static String toRegex(String glob, List<Integer> delimiters) {
        GlobTranslator translator = new GlobTranslator(glob, delimiters);
        String body = translator.sequence(false);
        return "(?s)^" + body + "$";
    }

    /** Translates until the end of the glob, or inside braces until the next ',' or '}'. */
    private String sequence(boolean inBraces) {
        StringBuilder regex = new StringBuilder();
        while (position < glob.length()) {
            char c = glob.charAt(position);
            if (inBraces && (c == ',' || c == '}')) {
                return regex.toString();
            }
            position++;
            switch (c) {
                case '*' -> {
                    if (position < glob.length() && glob.charAt(position) == '*') {
                        position++;
                        regex.append(".*");
                    } else {
                        regex.append(oneCharacter).append('*');
                    }
                }
                case '?' -> regex.append(oneCharacter);
                case '[' -> regex.append(characterClass());
                case '{' -> regex.append(alternatives());
                case '\\' -> {
                    if (position >= glob.length()) {
                        throw invalid("it ends with an escape character");
                    }
                    regex.append(literal(glob.codePointAt(position)));
                    position += Character.charCount(glob.codePointAt(position));
                }
                default -> {
                    int codePoint = glob.codePointAt(position - 1);
                    regex.append(literal(codePoint));
                    position += Character.charCount(codePoint) - 1;
                }
            }
        }
        if (inBraces) {
            throw invalid("a '{' is not closed");
        }
        return regex.toString();
    }

    private String alternatives() {
        StringBuilder regex = new StringBuilder("(?:");
        while (true) {
            regex.append(sequence(true));
            char separator = glob.charAt(position++);
            if (separator == '}') {
                return regex.append(')').toString();
            }
            regex.append('|');
        }
    }

    private String characterClass() {
        StringBuilder regex = new StringBuilder("[");
        if (position < glob.length() && glob.charAt(position) == '!') {
            regex.append('^');
            position++;
        }
        int start = position;
        while (position < glob.length() && glob.charAt(position) != ']') {
            int codePoint = glob.codePointAt(position);
            if (codePoint == '\\' && position + 1 < glob.length()) {
                position++;
                codePoint = glob.codePointAt(position);
            }
            position += Character.charCount(codePoint);
            if (codePoint == '-' && position - 1 > start && position < glob.length() && glob.charAt(position) != ']') {
                regex.append('-');
            } else {
                regex.append(escapeInClass(codePoint));
            }
        }
        if (position >= glob.length() || position == start) {
            throw invalid("a '[' is not closed or is empty");
        }
        position++;
        return regex.append(']').toString();
    }

    private static String literal(int codePoint) {
        return String.format("\\x{%x}", codePoint);
    }

    private static String escapeInClass(int codePoint) {
        return literal(codePoint);
    }

    private BuiltinException invalid(String reason) {
        return BuiltinException.failure("invalid glob pattern " + GoQuote.quote(glob, false) + ": " + reason);
    }
}
