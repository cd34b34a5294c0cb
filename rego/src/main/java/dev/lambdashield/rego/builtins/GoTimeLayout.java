package dev.lambdashield.rego.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a Go reference layout (for example {@code 2006-01-02T15:04:05Z07:00}) into literal text and
 * fields, following the rules of Go's {@code time} package, so layouts written for OPA keep their meaning.
 */
final class GoTimeLayout {

    /** A field of the reference time. */
    enum Field {
        LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
        UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
        LONG_YEAR, YEAR, PM_UPPER, PM_LOWER, TZ,
        ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ,
        NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
        FRAC_ZEROS, FRAC_NINES
    }

    /** Literal text, or a field; {@code digits} and {@code separator} apply to fractional seconds. */
    record Chunk(String literal, Field field, int digits, char separator) {
        static Chunk text(String literal) {
            return new Chunk(literal, null, 0, '.');
        }

        static Chunk of(Field field) {
            return new Chunk(null, field, 0, '.');
        }
    }

    /** Go's named layouts, which {@code time.format} accepts in place of a layout. */
    static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("ANSIC", "Mon Jan _2 15:04:05 2006"),
            Map.entry("UnixDate", "Mon Jan _2 15:04:05 MST 2006"),
            Map.entry("RubyDate", "Mon Jan 02 15:04:05 -0700 2006"),
            Map.entry("RFC822", "02 Jan 06 15:04 MST"),
            Map.entry("RFC822Z", "02 Jan 06 15:04 -0700"),
            Map.entry("RFC850", "Monday, 02-Jan-06 15:04:05 MST"),
            Map.entry("RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"),
            Map.entry("RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"),
            Map.entry("RFC3339", "2006-01-02T15:04:05Z07:00"),
            Map.entry("RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"),
            Map.entry("Kitchen", "3:04PM"),
            Map.entry("Stamp", "Jan _2 15:04:05"),
            Map.entry("StampMilli", "Jan _2 15:04:05.000"),
            Map.entry("StampMicro", "Jan _2 15:04:05.000000"),
            Map.entry("StampNano", "Jan _2 15:04:05.000000000"),
            Map.entry("DateTime", "2006-01-02 15:04:05"),
            Map.entry("DateOnly", "2006-01-02"),
            Map.entry("TimeOnly", "15:04:05"));

    private GoTimeLayout() {
    }

    static List<Chunk> split(String layout) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            Match match = match(layout, i);
            if (match == null) {
                literal.append(layout.charAt(i));
                i++;
                continue;
            }
            if (literal.length() > 0) {
                chunks.add(Chunk.text(literal.toString()));
                literal.setLength(0);
            }
            chunks.add(match.chunk);
            i += match.length;
        }
        if (literal.length() > 0) {
            chunks.add(Chunk.text(literal.toString()));
        }
        return chunks;
    }

    private record Match(Chunk chunk, int length) {
    }

    private static Match field(Field field, int length) {
        return new Match(Chunk.of(field), length);
    }

    private static Match match(String layout, int i) {
        char c = layout.charAt(i);
        switch (c) {
            case 'J':
                if (layout.startsWith("January", i)) {
                    return field(Field.LONG_MONTH, 7);
                }
                return layout.startsWith("Jan", i) ? field(Field.MONTH, 3) : null;
            case 'M':
                if (layout.startsWith("Monday", i)) {
                    return field(Field.LONG_WEEKDAY, 6);
                }
                if (layout.startsWith("Mon", i)) {
                    return field(Field.WEEKDAY, 3);
                }
                return layout.startsWith("MST", i) ? field(Field.TZ, 3) : null;
            case '0':
                return matchZero(layout, i);
            case '1':
                return layout.startsWith("15", i) ? field(Field.HOUR, 2) : field(Field.NUM_MONTH, 1);
            case '2':
                return layout.startsWith("2006", i) ? field(Field.LONG_YEAR, 4) : field(Field.DAY, 1);
            case '_':
                if (layout.startsWith("_2", i) && !layout.startsWith("_2006", i)) {
                    return field(Field.UNDER_DAY, 2);
                }
                return layout.startsWith("__2", i) ? field(Field.UNDER_YEAR_DAY, 3) : null;
            case '3':
                return field(Field.HOUR12, 1);
            case '4':
                return field(Field.MINUTE, 1);
            case '5':
                return field(Field.SECOND, 1);
            case 'P':
                return layout.startsWith("PM", i) ? field(Field.PM_UPPER, 2) : null;
            case 'p':
                return layout.startsWith("pm", i) ? field(Field.PM_LOWER, 2) : null;
            case '-':
                return matchZone(layout, i, "-", false);
            case 'Z':
                return matchZone(layout, i, "Z", true);
            case '.':
            case ',':
                return matchFraction(layout, i);
            default:
                return null;
        }
    }

    private static Match matchZero(String layout, int i) {
        if (layout.startsWith("002", i)) {
            return field(Field.ZERO_YEAR_DAY, 3);
        }
        if (i + 1 >= layout.length()) {
            return null;
        }
        return switch (layout.charAt(i + 1)) {
            case '1' -> field(Field.ZERO_MONTH, 2);
            case '2' -> field(Field.ZERO_DAY, 2);
            case '3' -> field(Field.ZERO_HOUR12, 2);
            case '4' -> field(Field.ZERO_MINUTE, 2);
            case '5' -> field(Field.ZERO_SECOND, 2);
            case '6' -> field(Field.YEAR, 2);
            default -> null;
        };
    }

    private static Match matchZone(String layout, int i, String lead, boolean iso) {
        String[][] forms = {
            {"070000", iso ? "ISO8601_SECONDS_TZ" : "NUM_SECONDS_TZ"},
            {"07:00:00", iso ? "ISO8601_COLON_SECONDS_TZ" : "NUM_COLON_SECONDS_TZ"},
            {"0700", iso ? "ISO8601_TZ" : "NUM_TZ"},
            {"07:00", iso ? "ISO8601_COLON_TZ" : "NUM_COLON_TZ"},
            {"07", iso ? "ISO8601_SHORT_TZ" : "NUM_SHORT_TZ"},
        };
        for (String[] form : forms) {
            if (layout.startsWith(lead + form[0], i)) {
                return field(Field.valueOf(form[1]), lead.length() + form[0].length());
            }
        }
        return null;
    }

    private static Match matchFraction(String layout, int i) {
        if (i + 1 >= layout.length()) {
            return null;
        }
        char digit = layout.charAt(i + 1);
        if (digit != '0' && digit != '9') {
            return null;
        }
        int end = i + 1;
        while (end < layout.length() && layout.charAt(end) == digit) {
            end++;
        }
        if (end < layout.length() && Character.isDigit(layout.charAt(end))) {
            return null;
        }
        Field field = digit == '0' ? Field.FRAC_ZEROS : Field.FRAC_NINES;
        return new Match(new Chunk(null, field, end - i - 1, layout.charAt(i)), end - i);
    }
}
