package dev.lambdashield.rego.builtins;

import com.google.re2j.Pattern;

import java.util.Map;

/**
 * Expands a replacement template as Go's Regexp.Expand does: {@code $1} and {@code ${1}} insert a
 * group by number, {@code $name} and {@code ${name}} by name, {@code $$} a dollar sign. A name is the
 * longest run of letters, digits and underscores, so {@code $1x} means the group named "1x".
 */
final class GoRegexExpand {

    private GoRegexExpand() {
    }

    static void expand(StringBuilder out, String template, String input, int[] match, Pattern pattern) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            int[] name = extractName(template, i);
            if (name == null) {
                out.append('$');
                continue;
            }
            appendGroup(out, template.substring(name[0], name[1]), input, match, pattern);
            i = name[2];
        }
        out.append(template, Math.min(i, template.length()), template.length());
    }

    /** Returns {start, end, next} of the name after a '$', or null when the reference is malformed. */
    private static int[] extractName(String template, int from) {
        boolean braced = from < template.length() && template.charAt(from) == '{';
        int start = braced ? from + 1 : from;
        int end = start;
        while (end < template.length() && isWordChar(template.charAt(end))) {
            end++;
        }
        if (end == start) {
            return null;
        }
        if (braced) {
            if (end >= template.length() || template.charAt(end) != '}') {
                return null;
            }
            return new int[] {start, end, end + 1};
        }
        return new int[] {start, end, end};
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void appendGroup(StringBuilder out, String name, String input, int[] match, Pattern pattern) {
        int group = -1;
        if (name.chars().allMatch(Character::isDigit)) {
            group = name.length() > 8 ? -1 : Integer.parseInt(name);
        } else {
            Map<String, Integer> named = pattern.namedGroups();
            group = named.getOrDefault(name, -1);
        }
        if (group >= 0 && 2 * group + 1 < match.length && match[2 * group] >= 0) {
            out.append(input, match[2 * group], match[2 * group + 1]);
        }
    }
}
