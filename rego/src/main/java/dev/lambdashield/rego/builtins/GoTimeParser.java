package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.builtins.GoTimeLayout.Chunk;
import dev.lambdashield.rego.builtins.GoTimeLayout.Field;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** One parse of a value against a Go layout; it follows the acceptance rules of Go's {@code time.Parse}. */
final class GoTimeParser {

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private final String layout;
    private final String value;
    private int pos;

    private int year = 1;
    private int month = 1;
    private int day = 1;
    private int yearDay = -1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private boolean pm;
    private boolean pmSet;
    private ZoneId zone;

    GoTimeParser(String layout, String value) {
        this.layout = layout;
        this.value = value;
    }

    ZonedDateTime parse() {
        List<Chunk> chunks = GoTimeLayout.split(layout);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            if (chunk.field() == null) {
                expectLiteral(chunk.literal());
            } else {
                parseField(chunk, i + 1 < chunks.size() ? chunks.get(i + 1) : null);
            }
        }
        if (pos < value.length()) {
            throw fail("extra text: " + quote(value.substring(pos)));
        }
        return build();
    }

    private ZonedDateTime build() {
        if (pmSet && hour < 12 && pm) {
            hour += 12;
        } else if (pmSet && hour == 12 && !pm) {
            hour = 0;
        }
        if (yearDay >= 0) {
            LocalDateTime start = GoTime.localDateTime(year, 1, 1, 0, 0, 0, 0);
            if (start == null || yearDay < 1 || yearDay > start.toLocalDate().lengthOfYear()) {
                throw fail("day-of-year out of range");
            }
            month = start.plusDays(yearDay - 1L).getMonthValue();
            day = start.plusDays(yearDay - 1L).getDayOfMonth();
        }
        LocalDateTime local = GoTime.localDateTime(year, month, day, hour, minute, second, nanos);
        if (local == null) {
            throw fail("day out of range");
        }
        return ZonedDateTime.of(local, zone == null ? ZoneOffset.UTC : zone);
    }

    private void expectLiteral(String literal) {
        // Go lets one run of spaces in the layout match any run of spaces in the value.
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == ' ' && pos < value.length() && value.charAt(pos) == ' ') {
                while (i + 1 < literal.length() && literal.charAt(i + 1) == ' ') {
                    i++;
                }
                while (pos < value.length() && value.charAt(pos) == ' ') {
                    pos++;
                }
                continue;
            }
            if (pos >= value.length() || value.charAt(pos) != c) {
                throw cannotParse(literal);
            }
            pos++;
        }
    }

    private void parseField(Chunk chunk, Chunk next) {
        Field field = chunk.field();
        String element = layout.isEmpty() ? "" : field.name();
        switch (field) {
            case LONG_YEAR -> year = signedYear();
            case YEAR -> {
                int y = digits(2, 2, element);
                year = y >= 69 ? 1900 + y : 2000 + y;
            }
            case LONG_MONTH -> month = name(MONTHS, false) + 1;
            case MONTH -> month = name(MONTHS, true) + 1;
            case NUM_MONTH, ZERO_MONTH -> month = range(digits(field == Field.ZERO_MONTH ? 2 : 1, 2, element), 1, 12, "month");
            case LONG_WEEKDAY -> name(DAYS, false);
            case WEEKDAY -> name(DAYS, true);
            case DAY, ZERO_DAY -> day = range(digits(field == Field.ZERO_DAY ? 2 : 1, 2, element), 1, 31, "day");
            case UNDER_DAY -> {
                skipOneSpace();
                day = range(digits(1, 2, element), 1, 31, "day");
            }
            case UNDER_YEAR_DAY -> {
                while (pos < value.length() && value.charAt(pos) == ' ') {
                    pos++;
                }
                yearDay = digits(1, 3, element);
            }
            case ZERO_YEAR_DAY -> yearDay = digits(3, 3, element);
            case HOUR -> hour = range(digits(2, 2, element), 0, 23, "hour");
            case HOUR12, ZERO_HOUR12 -> hour = range(digits(field == Field.ZERO_HOUR12 ? 2 : 1, 2, element), 0, 12, "hour");
            case MINUTE, ZERO_MINUTE -> minute = range(digits(field == Field.ZERO_MINUTE ? 2 : 1, 2, element), 0, 59, "minute");
            case SECOND, ZERO_SECOND -> {
                second = range(digits(field == Field.ZERO_SECOND ? 2 : 1, 2, element), 0, 59, "second");
                optionalFraction(next);
            }
            case PM_UPPER, PM_LOWER -> parsePm();
            case TZ -> parseZoneName();
            case FRAC_ZEROS -> {
                expectChar(chunk.separator());
                nanos = fraction(chunk.digits(), chunk.digits());
            }
            case FRAC_NINES -> {
                if (pos < value.length() && (value.charAt(pos) == '.' || value.charAt(pos) == ',')) {
                    pos++;
                    nanos = fraction(1, 9);
                }
            }
            default -> parseOffset(field);
        }
    }

    /** After seconds, Go accepts a fraction that the layout does not mention. */
    private void optionalFraction(Chunk next) {
        boolean layoutHasFraction = next != null && (next.field() == Field.FRAC_ZEROS || next.field() == Field.FRAC_NINES);
        if (!layoutHasFraction && pos + 1 < value.length() && (value.charAt(pos) == '.' || value.charAt(pos) == ',')
                && Character.isDigit(value.charAt(pos + 1))) {
            pos++;
            nanos = fraction(1, 9);
        }
    }

    private int signedYear() {
        boolean negative = false;
        if (pos < value.length() && value.charAt(pos) == '-' && pos + 4 < value.length()) {
            negative = true;
            pos++;
        }
        int y = digits(4, 4, "2006");
        return negative ? -y : y;
    }

    private int fraction(int min, int max) {
        int start = pos;
        while (pos < value.length() && Character.isDigit(value.charAt(pos))) {
            pos++;
        }
        int count = pos - start;
        if (count < min || min == max && count != min) {
            throw fail("cannot parse fractional seconds");
        }
        String digits = value.substring(start, pos);
        String nineDigits = (digits + "000000000").substring(0, 9);
        return Integer.parseInt(nineDigits);
    }

    private void parsePm() {
        if (pos + 2 > value.length()) {
            throw cannotParse("PM");
        }
        String text = value.substring(pos, pos + 2).toUpperCase(Locale.ROOT);
        if (!text.equals("AM") && !text.equals("PM")) {
            throw cannotParse("PM");
        }
        pm = text.equals("PM");
        pmSet = true;
        pos += 2;
    }

    private void parseZoneName() {
        if (value.startsWith("UTC", pos)) {
            pos += 3;
            zone = ZoneOffset.UTC;
            return;
        }
        int start = pos;
        while (pos < value.length() && Character.isUpperCase(value.charAt(pos)) && pos - start < 5) {
            pos++;
        }
        if (pos - start < 3) {
            throw cannotParse("MST");
        }
        // Like Go, an abbreviation that is not the local zone's becomes a zone with offset zero.
        zone = ZoneOffset.UTC;
    }

    private void parseOffset(Field field) {
        String name = field.name();
        if (name.startsWith("ISO8601") && pos < value.length() && value.charAt(pos) == 'Z') {
            pos++;
            zone = ZoneOffset.UTC;
            return;
        }
        if (pos >= value.length() || value.charAt(pos) != '+' && value.charAt(pos) != '-') {
            throw cannotParse("-07:00");
        }
        int sign = value.charAt(pos) == '-' ? -1 : 1;
        pos++;
        boolean colon = name.contains("COLON");
        int hours = digits(2, 2, "07");
        int minutes = 0;
        int seconds = 0;
        if (!name.contains("SHORT")) {
            if (colon) {
                expectChar(':');
            }
            minutes = digits(2, 2, "00");
        }
        if (name.contains("SECONDS")) {
            if (colon) {
                expectChar(':');
            }
            seconds = digits(2, 2, "00");
        }
        int total = sign * (hours * 3600 + minutes * 60 + seconds);
        if (hours > 24 || minutes > 59 || seconds > 59 || Math.abs(total) > 18 * 3600) {
            throw fail("time zone offset out of range");
        }
        zone = ZoneOffset.ofTotalSeconds(total);
    }

    private void skipOneSpace() {
        if (pos < value.length() && value.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void expectChar(char c) {
        if (pos >= value.length() || value.charAt(pos) != c) {
            throw cannotParse(String.valueOf(c));
        }
        pos++;
    }

    private int digits(int min, int max, String element) {
        int start = pos;
        while (pos < value.length() && pos - start < max && value.charAt(pos) >= '0' && value.charAt(pos) <= '9') {
            pos++;
        }
        if (pos - start < min) {
            pos = start;
            throw cannotParse(element);
        }
        return Integer.parseInt(value.substring(start, pos));
    }

    private int name(String[] names, boolean abbreviated) {
        String rest = value.substring(pos).toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            String candidate = abbreviated ? names[i].substring(0, 3) : names[i];
            if (rest.startsWith(candidate)) {
                pos += candidate.length();
                return i;
            }
        }
        throw fail("bad value for field");
    }

    private int range(int number, int min, int max, String what) {
        if (number < min || number > max) {
            throw fail(what + " out of range");
        }
        return number;
    }

    private BuiltinException cannotParse(String element) {
        return BuiltinException.failure("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse "
                + quote(value.substring(Math.min(pos, value.length()))) + " as " + quote(element));
    }

    private BuiltinException fail(String reason) {
        return BuiltinException.failure("parsing time " + quote(value) + ": " + reason);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
