package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.builtins.GoTimeLayout.Chunk;
import dev.lambdashield.rego.builtins.GoTimeLayout.Field;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Parses and formats times with Go reference layouts, as OPA's {@code time.parse_ns} and {@code time.format} do. */
final class GoTime {

    private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] LONG_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private GoTime() {
    }

    static String resolveLayout(String layout) {
        return GoTimeLayout.NAMED.getOrDefault(layout, layout);
    }

    // ---------------------------------------------------------------- formatting

    static String format(ZonedDateTime time, String layout) {
        StringBuilder out = new StringBuilder();
        for (Chunk chunk : GoTimeLayout.split(layout)) {
            if (chunk.field() == null) {
                out.append(chunk.literal());
            } else {
                formatField(time, chunk, out);
            }
        }
        return out.toString();
    }

    private static void formatField(ZonedDateTime t, Chunk chunk, StringBuilder out) {
        switch (chunk.field()) {
            case LONG_MONTH -> out.append(LONG_MONTHS[t.getMonthValue() - 1]);
            case MONTH -> out.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
            case NUM_MONTH -> out.append(t.getMonthValue());
            case ZERO_MONTH -> pad(out, t.getMonthValue(), 2, '0');
            case LONG_WEEKDAY -> out.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1]);
            case WEEKDAY -> out.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
            case DAY -> out.append(t.getDayOfMonth());
            case UNDER_DAY -> pad(out, t.getDayOfMonth(), 2, ' ');
            case ZERO_DAY -> pad(out, t.getDayOfMonth(), 2, '0');
            case UNDER_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, ' ');
            case ZERO_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, '0');
            case HOUR -> pad(out, t.getHour(), 2, '0');
            case HOUR12 -> out.append(hour12(t.getHour()));
            case ZERO_HOUR12 -> pad(out, hour12(t.getHour()), 2, '0');
            case MINUTE -> out.append(t.getMinute());
            case ZERO_MINUTE -> pad(out, t.getMinute(), 2, '0');
            case SECOND -> out.append(t.getSecond());
            case ZERO_SECOND -> pad(out, t.getSecond(), 2, '0');
            case LONG_YEAR -> formatLongYear(out, t.getYear());
            case YEAR -> pad(out, Math.floorMod(t.getYear(), 100), 2, '0');
            case PM_UPPER -> out.append(t.getHour() >= 12 ? "PM" : "AM");
            case PM_LOWER -> out.append(t.getHour() >= 12 ? "pm" : "am");
            case TZ -> out.append(zoneAbbreviation(t));
            case FRAC_ZEROS, FRAC_NINES -> formatFraction(out, t.getNano(), chunk);
            default -> formatOffset(out, t.getOffset().getTotalSeconds(), chunk.field());
        }
    }

    private static int hour12(int hour) {
        int h = hour % 12;
        return h == 0 ? 12 : h;
    }

    private static void pad(StringBuilder out, int value, int width, char padding) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append(padding);
        }
        out.append(digits);
    }

    private static void formatLongYear(StringBuilder out, int year) {
        if (year < 0) {
            out.append('-');
        }
        pad(out, Math.abs(year), 4, '0');
    }

    private static String zoneAbbreviation(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return "UTC";
            }
            StringBuilder out = new StringBuilder();
            formatOffset(out, offset.getTotalSeconds(), Field.NUM_TZ);
            return out.toString();
        }
        return DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
    }

    private static void formatFraction(StringBuilder out, int nanos, Chunk chunk) {
        String digits = String.format("%09d", nanos).substring(0, chunk.digits());
        if (chunk.field() == Field.FRAC_NINES) {
            int end = digits.length();
            while (end > 0 && digits.charAt(end - 1) == '0') {
                end--;
            }
            digits = digits.substring(0, end);
            if (digits.isEmpty()) {
                return;
            }
        }
        out.append(chunk.separator()).append(digits);
    }

    private static void formatOffset(StringBuilder out, int offsetSeconds, Field field) {
        boolean iso = field.name().startsWith("ISO8601");
        if (iso && offsetSeconds == 0) {
            out.append('Z');
            return;
        }
        int abs = Math.abs(offsetSeconds);
        out.append(offsetSeconds < 0 ? '-' : '+');
        pad(out, abs / 3600, 2, '0');
        boolean colon = field.name().contains("COLON");
        boolean shortForm = field.name().contains("SHORT");
        if (!shortForm) {
            if (colon) {
                out.append(':');
            }
            pad(out, abs / 60 % 60, 2, '0');
        }
        if (field.name().contains("SECONDS")) {
            if (colon) {
                out.append(':');
            }
            pad(out, abs % 60, 2, '0');
        }
    }

    // ---------------------------------------------------------------- parsing

    /** Parses {@code value} with {@code layout}; a time without a zone is in UTC, as in Go. */
    static ZonedDateTime parse(String layout, String value) {
        return new GoTimeParser(layout, value).parse();
    }

    static List<Chunk> chunks(String layout) {
        return GoTimeLayout.split(layout);
    }

    static LocalDateTime localDateTime(int year, int month, int day, int hour, int minute, int second, int nanos) {
        try {
            return LocalDate.of(year, month, day).atTime(hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static ZoneId zone(String name) {
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw BuiltinException.failure("unknown time zone " + name);
        }
    }
}
