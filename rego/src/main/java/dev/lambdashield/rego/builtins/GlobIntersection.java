package dev.lambdashield.rego.builtins;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether two simple patterns can match a common string, for regex.globs_match. A pattern is
 * a sequence of characters, {@code .} (any character) and classes such as {@code [a-z]} or
 * {@code [^0-9]}, each optionally followed by {@code *}, {@code +} or {@code ?}; a backslash escapes
 * the next character. The check walks both patterns together, so it takes time proportional to the
 * product of their lengths.
 */
final class GlobIntersection {

    /** Characters of one range that are tested against the other set; beyond it ranges count as disjoint. */
    private static final int MAX_SCANNED_RANGE = 0x10000;

    /** A set of characters: any character, or ranges that are possibly negated. */
    private record CharSet(boolean any, boolean negated, List<int[]> ranges) {

        boolean contains(int c) {
            if (any) {
                return true;
            }
            boolean inRanges = ranges.stream().anyMatch(r -> c >= r[0] && c <= r[1]);
            return inRanges != negated;
        }

        boolean intersects(CharSet other) {
            if (any || other.any) {
                return (any || negated || !ranges.isEmpty()) && (other.any || other.negated || !other.ranges.isEmpty());
            }
            if (negated && other.negated) {
                return true;
            }
            return negated ? other.hasMemberIn(this) : hasMemberIn(other);
        }

        /** Returns whether a character of this set, which is neither any nor negated, is in other. */
        private boolean hasMemberIn(CharSet other) {
            for (int[] range : ranges) {
                int last = Math.min(range[1], range[0] + MAX_SCANNED_RANGE);
                for (int c = range[0]; c <= last; c++) {
                    if (other.contains(c)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** One token; a repeated token may be skipped or consumed again. */
    private record Token(CharSet chars, boolean repeated) {
    }

    private GlobIntersection() {
    }

    static boolean intersects(String first, String second) {
        List<Token> a = parse(first);
        List<Token> b = parse(second);
        Deque<int[]> queue = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        queue.add(new int[] {0, 0});
        while (!queue.isEmpty()) {
            int[] state = queue.poll();
            if (!seen.add(((long) state[0] << 32) | state[1])) {
                continue;
            }
            if (state[0] == a.size() && state[1] == b.size()) {
                return true;
            }
            step(a, b, state, queue);
        }
        return false;
    }

    private static void step(List<Token> a, List<Token> b, int[] state, Deque<int[]> queue) {
        int i = state[0];
        int j = state[1];
        if (i < a.size() && a.get(i).repeated()) {
            queue.add(new int[] {i + 1, j});
        }
        if (j < b.size() && b.get(j).repeated()) {
            queue.add(new int[] {i, j + 1});
        }
        if (i < a.size() && j < b.size() && a.get(i).chars().intersects(b.get(j).chars())) {
            queue.add(new int[] {a.get(i).repeated() ? i : i + 1, b.get(j).repeated() ? j : j + 1});
        }
    }

    /** Parses into tokens; {@code x+} becomes {@code x} followed by {@code x*}, and {@code x?} a skippable x. */
    private static List<Token> parse(String pattern) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            CharSet chars;
            if (c == '.') {
                chars = new CharSet(true, false, List.of());
                i++;
            } else if (c == '[') {
                int close = classEnd(pattern, i);
                chars = parseClass(pattern.substring(i + 1, close));
                i = close + 1;
            } else {
                if (c == '\\' && i + 1 < pattern.length()) {
                    i++;
                }
                int literal = pattern.codePointAt(i);
                chars = new CharSet(false, false, List.of(new int[] {literal, literal}));
                i += Character.charCount(literal);
            }
            char modifier = i < pattern.length() ? pattern.charAt(i) : 0;
            if (modifier == '*' || modifier == '?') {
                tokens.add(new Token(chars, true));
                i++;
            } else if (modifier == '+') {
                tokens.add(new Token(chars, false));
                tokens.add(new Token(chars, true));
                i++;
            } else {
                tokens.add(new Token(chars, false));
            }
        }
        return tokens;
    }

    private static int classEnd(String pattern, int open) {
        for (int i = open + 1; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                i++;
            } else if (pattern.charAt(i) == ']' && i > open + 1) {
                return i;
            }
        }
        throw BuiltinException.failure("missing closing ] in " + GoQuote.quote(pattern, false));
    }

    private static CharSet parseClass(String body) {
        boolean negated = body.startsWith("^");
        List<int[]> ranges = new ArrayList<>();
        int i = negated ? 1 : 0;
        while (i < body.length()) {
            if (body.charAt(i) == '\\' && i + 1 < body.length()) {
                i++;
            }
            int low = body.codePointAt(i);
            i += Character.charCount(low);
            int high = low;
            if (i + 1 < body.length() && body.charAt(i) == '-') {
                int next = i + 1;
                if (body.charAt(next) == '\\' && next + 1 < body.length()) {
                    next++;
                }
                high = body.codePointAt(next);
                i = next + Character.charCount(high);
            }
            ranges.add(new int[] {low, high});
        }
        return new CharSet(false, negated, ranges);
    }
}
