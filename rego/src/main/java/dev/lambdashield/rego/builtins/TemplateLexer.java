package dev.lambdashield.rego.builtins;

import java.util.ArrayList;
import java.util.List;

/** Splits a Go template into text and action tokens, applying trim markers and dropping comments. */
final class TemplateLexer {

    enum Kind { WORD, STRING, SYMBOL }

    /** One token of an action: a word (name, field, variable, number), a quoted string, or a symbol. */
    record Token(Kind kind, String text) {
    }

    private TemplateLexer() {
    }

    static BuiltinException error(String message) {
        return BuiltinException.failure("template: template: " + message);
    }

    /** Returns the template as a list of Strings (text) and token lists (actions). */
    static List<Object> split(String template) {
        List<Object> items = new ArrayList<>();
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf("{{", position);
            if (open < 0) {
                items.add(template.substring(position));
                break;
            }
            String text = template.substring(position, open);
            boolean trimLeft = template.startsWith("{{- ", open) || template.startsWith("{{-\t", open)
                    || template.startsWith("{{-\n", open);
            items.add(trimLeft ? stripTrailing(text) : text);
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                throw error("unclosed action");
            }
            boolean trimRight = close - 2 >= open + 2 && template.startsWith(" -", close - 2);
            String body = template.substring(open + (trimLeft ? 3 : 2), trimRight ? close - 2 : close).trim();
            position = close + 2;
            if (trimRight) {
                while (position < template.length() && Character.isWhitespace(template.charAt(position))) {
                    position++;
                }
            }
            if (!(body.startsWith("/*") && body.endsWith("*/"))) {
                items.add(tokenize(body));
            }
        }
        return items;
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    static List<Token> tokenize(String action) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '`') {
                int end = stringEnd(action, i);
                tokens.add(new Token(Kind.STRING, unquote(action.substring(i, end))));
                i = end;
            } else if (action.startsWith(":=", i)) {
                tokens.add(new Token(Kind.SYMBOL, ":="));
                i += 2;
            } else if ("|(),=".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            } else {
                int end = i;
                while (end < action.length() && !Character.isWhitespace(action.charAt(end))
                        && "|(),\"`".indexOf(action.charAt(end)) < 0 && !action.startsWith(":=", end)) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, action.substring(i, end)));
                i = end;
            }
        }
        return tokens;
    }

    private static int stringEnd(String action, int start) {
        char quote = action.charAt(start);
        for (int i = start + 1; i < action.length(); i++) {
            if (quote == '"' && action.charAt(i) == '\\') {
                i++;
            } else if (action.charAt(i) == quote) {
                return i + 1;
            }
        }
        throw error("unterminated quoted string");
    }

    private static String unquote(String literal) {
        if (literal.charAt(0) == '`') {
            return literal.substring(1, literal.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
