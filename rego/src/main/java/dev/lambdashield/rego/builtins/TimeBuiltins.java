package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.NULL;
import static dev.lambdashield.rego.types.Types.NUMBER;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.anyOf;
import static dev.lambdashield.rego.types.Types.arrayOf;

/**
 * Time built-ins. Times are nanoseconds since the Unix epoch and must fit a signed 64-bit integer, as in
 * OPA. Layouts are Go reference layouts, and zones are IANA names ({@code ""} and {@code "UTC"} are UTC).
 */
public final class TimeBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "time";
    private static final BigInteger MIN_NS = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_NS = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    /** Maximum pause of {@code test.sleep}, so that a policy cannot stall an evaluation for long. */
    private static final long MAX_SLEEP_NS = 5_000_000_000L;

    @Override
    public void registerInto(BuiltinRegistry registry) {
        var timeArg = anyOf(NUMBER, arrayOf(ANY));
        registry.register(function("time.now_ns", CATEGORY, "Returns the current time since epoch in nanoseconds.",
                NUMBER).nondeterministic(), (context, args) -> NumberValue.of(context.timeNowNs()));
        registry.register(function("time.parse_ns", CATEGORY, "Returns the time in nanoseconds parsed from the string in the given Go layout.",
                NUMBER, arg("layout", STRING), arg("value", STRING)), TimeBuiltins::parseNs);
        registry.register(function("time.parse_rfc3339_ns", CATEGORY, "Returns the time in nanoseconds parsed from an RFC 3339 string.",
                NUMBER, arg("value", STRING)), TimeBuiltins::parseRfc3339Ns);
        registry.register(function("time.parse_duration_ns", CATEGORY, "Returns the duration in nanoseconds of a Go duration string.",
                NUMBER, arg("duration", STRING)), TimeBuiltins::parseDurationNs);
        registry.register(function("time.date", CATEGORY, "Returns the [year, month, day] for the nanoseconds since epoch.",
                arrayOf(NUMBER), arg("x", timeArg)), TimeBuiltins::date);
        registry.register(function("time.clock", CATEGORY, "Returns the [hour, minute, second] of the day for the nanoseconds since epoch.",
                arrayOf(NUMBER), arg("x", timeArg)), TimeBuiltins::clock);
        registry.register(function("time.weekday", CATEGORY, "Returns the day of the week for the nanoseconds since epoch.",
                STRING, arg("x", timeArg)), TimeBuiltins::weekday);
        registry.register(function("time.add_date", CATEGORY, "Returns the nanoseconds since epoch after adding years, months and days.",
                NUMBER, arg("ns", NUMBER), arg("years", NUMBER), arg("months", NUMBER), arg("days", NUMBER)), TimeBuiltins::addDate);
        registry.register(function("time.diff", CATEGORY,
                "Returns the difference between two times as [years, months, days, hours, minutes, seconds].",
                arrayOf(NUMBER), arg("ns1", timeArg), arg("ns2", timeArg)), TimeBuiltins::diff);
        registry.register(function("time.format", CATEGORY, "Returns the formatted timestamp for the nanoseconds since epoch.",
                STRING, arg("x", timeArg)), TimeBuiltins::format);
        registry.register(function("test.sleep", "tests", "Pauses the evaluation for the given Go duration.",
                NULL, arg("duration", STRING)).nondeterministic(), TimeBuiltins::sleep);
    }

    private static Value parseNs(BuiltinContext context, List<Value> args) {
        return toNs(GoTime.parse(Args.string(args, 0), Args.string(args, 1)));
    }

    private static Value parseRfc3339Ns(BuiltinContext context, List<Value> args) {
        return toNs(GoTime.parse(GoTimeLayout.NAMED.get("RFC3339"), Args.string(args, 0)));
    }

    private static Value parseDurationNs(BuiltinContext context, List<Value> args) {
        return NumberValue.of(GoDuration.parse(Args.string(args, 0)));
    }

    private static Value date(BuiltinContext context, List<Value> args) {
        ZonedDateTime t = timeOperand(args, 0);
        return ArrayValue.of(NumberValue.of(t.getYear()), NumberValue.of(t.getMonthValue()), NumberValue.of(t.getDayOfMonth()));
    }

    private static Value clock(BuiltinContext context, List<Value> args) {
        ZonedDateTime t = timeOperand(args, 0);
        return ArrayValue.of(NumberValue.of(t.getHour()), NumberValue.of(t.getMinute()), NumberValue.of(t.getSecond()));
    }

    private static Value weekday(BuiltinContext context, List<Value> args) {
        DayOfWeek day = timeOperand(args, 0).getDayOfWeek();
        return StringValue.of(day.getDisplayName(TextStyle.FULL, Locale.US));
    }

    private static Value addDate(BuiltinContext context, List<Value> args) {
        ZonedDateTime t = fromNs(nanos(Args.number(args, 0)), ZoneOffset.UTC);
        long years = Args.intValue(args, 1);
        long months = Args.intValue(args, 2);
        long days = Args.intValue(args, 3);
        // Go normalises month and day overflow (January 31 plus one month is March 3 or 2) instead of clamping.
        long totalMonths = t.getMonthValue() - 1 + months;
        long year = t.getYear() + years + Math.floorDiv(totalMonths, 12);
        int month = Math.floorMod(totalMonths, 12) + 1;
        if (Math.abs(year) > 1_000_000) {
            throw BuiltinException.failure("time outside of valid range");
        }
        LocalDate date = LocalDate.of((int) year, month, 1).plusDays(t.getDayOfMonth() - 1L + days);
        return toNs(ZonedDateTime.of(date, t.toLocalTime(), ZoneOffset.UTC));
    }

    private static Value diff(BuiltinContext context, List<Value> args) {
        ZonedDateTime a = timeOperand(args, 0);
        ZonedDateTime b = timeOperand(args, 1).withZoneSameInstant(a.getZone());
        if (a.isAfter(b)) {
            ZonedDateTime swap = a;
            a = b;
            b = swap;
        }
        int year = b.getYear() - a.getYear();
        int month = b.getMonthValue() - a.getMonthValue();
        int day = b.getDayOfMonth() - a.getDayOfMonth();
        int hour = b.getHour() - a.getHour();
        int minute = b.getMinute() - a.getMinute();
        int second = b.getSecond() - a.getSecond();
        if (second < 0) {
            second += 60;
            minute--;
        }
        if (minute < 0) {
            minute += 60;
            hour--;
        }
        if (hour < 0) {
            hour += 24;
            day--;
        }
        if (day < 0) {
            day += a.toLocalDate().lengthOfMonth();
            month--;
        }
        if (month < 0) {
            month += 12;
            year--;
        }
        return ArrayValue.of(NumberValue.of(year), NumberValue.of(month), NumberValue.of(day),
                NumberValue.of(hour), NumberValue.of(minute), NumberValue.of(second));
    }

    private static Value format(BuiltinContext context, List<Value> args) {
        ZonedDateTime t = timeOperand(args, 0);
        String layout = GoTimeLayout.NAMED.get("RFC3339Nano");
        if (args.get(0) instanceof ArrayValue array && array.size() == 3) {
            if (!(array.get(2) instanceof StringValue s)) {
                throw BuiltinException.failure("layout must be a string but got " + array.get(2).typeName());
            }
            layout = GoTime.resolveLayout(s.value());
        }
        return StringValue.of(GoTime.format(t, layout));
    }

    private static Value sleep(BuiltinContext context, List<Value> args) {
        long duration = Math.min(GoDuration.parse(Args.string(args, 0)), MAX_SLEEP_NS);
        try {
            Thread.sleep(Math.max(0, duration / 1_000_000L), (int) Math.max(0, duration % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BuiltinException.halt(ErrorCode.EVAL_CANCEL, "interrupted while sleeping");
        }
        context.checkCancelled();
        return dev.lambdashield.rego.value.NullValue.INSTANCE;
    }

    // ---------------------------------------------------------------- operands and conversions

    /** Reads a time operand: nanoseconds, or an array of nanoseconds, a zone name and optionally a layout. */
    private static ZonedDateTime timeOperand(List<Value> args, int index) {
        Value operand = args.get(index);
        if (operand instanceof NumberValue n) {
            return fromNs(nanosOrTooBig(n), ZoneOffset.UTC);
        }
        if (!(operand instanceof ArrayValue array)) {
            throw Args.wrongType(args, index, "number", "array");
        }
        if (array.size() < 2 || array.size() > 3) {
            throw BuiltinException.failure("array argument must have two or three elements");
        }
        if (!(array.get(0) instanceof NumberValue n)) {
            throw BuiltinException.failure("first element of the array must be a number but got " + array.get(0).typeName());
        }
        if (!(array.get(1) instanceof StringValue zone)) {
            throw BuiltinException.failure("second element of the array must be a string but got " + array.get(1).typeName());
        }
        ZoneId zoneId = GoTime.zone(zone.value());
        return fromNs(nanosOrTooBig(n), zoneId);
    }

    private static long nanosOrTooBig(NumberValue n) {
        BigInteger value = n.bigDecimal().setScale(0, RoundingMode.DOWN).toBigInteger();
        if (value.compareTo(MIN_NS) < 0 || value.compareTo(MAX_NS) > 0) {
            throw BuiltinException.failure("timestamp too big");
        }
        return value.longValue();
    }

    private static long nanos(NumberValue n) {
        BigInteger value = n.bigDecimal().setScale(0, RoundingMode.DOWN).toBigInteger();
        if (value.compareTo(MIN_NS) < 0 || value.compareTo(MAX_NS) > 0) {
            throw BuiltinException.failure("time outside of valid range");
        }
        return value.longValue();
    }

    static ZonedDateTime fromNs(long ns, ZoneId zone) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).atZone(zone);
    }

    /** Converts to nanoseconds since the epoch; a time outside the signed 64-bit range is an error, as in OPA. */
    static NumberValue toNs(ZonedDateTime time) {
        Instant instant = time.toInstant();
        BigInteger ns = BigInteger.valueOf(instant.getEpochSecond()).multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(instant.getNano()));
        if (ns.compareTo(MIN_NS) < 0 || ns.compareTo(MAX_NS) > 0) {
            throw BuiltinException.failure("time outside of valid range");
        }
        return NumberValue.of(ns);
    }

}
