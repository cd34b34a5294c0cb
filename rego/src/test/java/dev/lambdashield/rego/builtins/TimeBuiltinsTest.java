package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.Value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBuiltinsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2006-01-02T15:04:05Z07:00 | 2017-06-02T19:00:00-07:00 | 1496455200000000000",
        "2006-01-02T15:04:05Z07:00 | 1677-09-21T00:12:43.145224192-00:00 | -9223372036854775808",
        "2006-01-02T15:04:05Z07:00 | 2262-04-11T23:47:16.854775807-00:00 | 9223372036854775807",
        "01/02 03:04:05PM '06 -0700 | 06/02 07:00:00PM '17 -0700 | 1496455200000000000",
        "02 Jan 06 15:04 -0700 | 02 Jun 17 19:00 -0700 | 1496455200000000000",
        "2006-01-02 | 2020-02-02 | 1580601600000000000",
        "Mon Jan _2 15:04:05 2006 | Fri Jun  2 19:00:00 2017 | 1496430000000000000",
        "Mon, 02 Jan 2006 15:04:05 MST | Fri, 02 Jun 2017 19:00:00 UTC | 1496430000000000000",
        "2006-01-02T15:04:05.000Z | 2024-05-01T12:34:56.789Z | 1714566896789000000",
        "Jan 2, 2006 at 3:04pm (MST) | Feb 3, 2013 at 7:54pm (UTC) | 1359921240000000000",
    })
    void parseNsWithGoLayouts(String layout, String value, String expected) {
        assertEquals(NumberValue.parse(expected), call("time.parse_ns", s(layout), s(value)));
    }

    @Test
    void parseNsRejectsMismatch() {
        assertFails(ErrorCode.EVAL_BUILTIN, "cannot parse", "time.parse_ns", s("2006-01-02"), s("02/01/2020"));
        assertFails(ErrorCode.EVAL_BUILTIN, "month out of range", "time.parse_ns", s("2006-01-02"), s("2020-13-01"));
        assertFails(ErrorCode.EVAL_BUILTIN, "extra text", "time.parse_ns", s("2006-01-02"), s("2020-01-01T00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-05-01T12:34:56.789Z | 1714566896789000000",
        "2024-05-01T12:34:56Z | 1714566896000000000",
        "2024-05-01T14:34:56.789+02:00 | 1714566896789000000",
        "1970-01-01T00:00:00-00:00 | 0",
        "2017-06-02T19:00:00-07:00 | 1496455200000000000",
        "2262-04-11T23:47:16.854775807-00:00 | 9223372036854775807",
    })
    void parseRfc3339OfConfigCaptureTimes(String value, String expected) {
        assertEquals(NumberValue.parse(expected), call("time.parse_rfc3339_ns", s(value)));
    }

    @Test
    void parseRejectsTimesOutsideInt64() {
        assertFails(ErrorCode.EVAL_BUILTIN, "time outside of valid range", "time.parse_rfc3339_ns", s("2262-04-11T23:47:16.854775808-00:00"));
        assertFails(ErrorCode.EVAL_BUILTIN, "time outside of valid range", "time.parse_ns",
                s("2006-01-02T15:04:05Z07:00"), s("1677-09-21T00:12:43.145224191-00:00"));
        assertFails(ErrorCode.EVAL_BUILTIN, "cannot parse", "time.parse_rfc3339_ns", s("2024-05-01 12:34:56"));
    }

    @ParameterizedTest
    @CsvSource({
        "100ms, 100000000",
        "1h30m, 5400000000000",
        "-1.5s, -1500000000",
        "2h45m30.5s, 9930500000000",
        "1us, 1000",
        "1µs, 1000",
        "0, 0",
        ".5m, 30000000000",
    })
    void parseDuration(String duration, long expected) {
        assertEquals(NumberValue.of(expected), call("time.parse_duration_ns", s(duration)));
    }

    @Test
    void parseDurationErrors() {
        assertFails(ErrorCode.EVAL_BUILTIN, "time: missing unit in duration \"1\"", "time.parse_duration_ns", s("1"));
        assertFails(ErrorCode.EVAL_BUILTIN, "time: unknown unit \"d\" in duration \"1d\"", "time.parse_duration_ns", s("1d"));
        assertFails(ErrorCode.EVAL_BUILTIN, "time: invalid duration \"\"", "time.parse_duration_ns", s(""));
    }

    @Test
    void dateClockWeekday() {
        assertResult("[2018, 2, 5]", "time.date", NumberValue.of(1517814000L * 1_000_000_000L));
        assertResult("[2018, 2, 4]", "time.date", ArrayValue.of(NumberValue.of(1517814000L * 1_000_000_000L), s("America/Los_Angeles")));
        assertResult("[12, 0, 0]", "time.clock", NumberValue.of(1582977600L * 1_000_000_000L));
        assertEquals(s("Monday"), call("time.weekday", NumberValue.of(1517832000000000000L)));
        assertEquals(s("Friday"), call("time.weekday", NumberValue.of(1518177600000000000L)));
        Value tooBig = v("1582977600000000000000");
        assertFails(ErrorCode.EVAL_BUILTIN, "timestamp too big", "time.date", tooBig);
        assertFails(ErrorCode.EVAL_BUILTIN, "timestamp too big", "time.clock", tooBig);
        assertFails(ErrorCode.EVAL_BUILTIN, "timestamp too big", "time.weekday", tooBig);
        assertFails(ErrorCode.EVAL_BUILTIN, "unknown time zone Mars/Olympus", "time.date", v("[0, \"Mars/Olympus\"]"));
    }

    @Test
    void addDateNormalisesLikeGo() {
        assertResult("1705257221593912000", "time.add_date", v("1585852421593912000"), v("3"), v("9"), v("12"));
        assertResult("1551465221593912000", "time.add_date", v("1585852421593912000"), v("-1"), v("-1"), v("-1"));
        long jan31 = 1706659200L * 1_000_000_000L;
        long mar2 = 1709337600L * 1_000_000_000L;
        assertEquals(NumberValue.of(mar2), call("time.add_date", NumberValue.of(jan31), v("0"), v("1"), v("0")));
        assertFails(ErrorCode.EVAL_BUILTIN, "time outside of valid range", "time.add_date", v("0"), v("2262"), v("1"), v("1"));
        assertFails(ErrorCode.EVAL_BUILTIN, "time outside of valid range", "time.add_date",
                v("-9223372036854775808"), v("0"), v("0"), v("-1"));
    }

    @Test
    void diffBetweenDates() {
        Value feb2020 = call("time.parse_ns", s("2006-01-02"), s("2020-02-02"));
        Value mar2020 = call("time.parse_ns", s("2006-01-02"), s("2020-03-01"));
        assertResult("[0, 0, 28, 0, 0, 0]", "time.diff", feb2020, mar2020);
        Value leapDay = call("time.parse_ns", s("2006-01-02"), s("2004-02-29"));
        Value nextYear = call("time.parse_ns", s("2006-01-02"), s("2005-03-01"));
        assertResult("[1, 0, 1, 0, 0, 0]", "time.diff", leapDay, nextYear);
        long now = 1_700_000_000_000_000_000L;
        assertResult("[0, 0, 0, 0, 1, 1]", "time.diff", NumberValue.of(now + 61_000_000_000L), NumberValue.of(now));
        assertResult("[0, 0, 0, 0, 1, 0]", "time.diff", ArrayValue.of(NumberValue.of(now + 60_000_000_000L), s("UTC")),
                ArrayValue.of(NumberValue.of(now), s("Asia/Shanghai")));
    }

    @Test
    void formatWithZoneAndLayout() {
        Value ns = v("1670006453141828752");
        assertEquals(s("2022-12-02T18:40:53.141828752Z"), call("time.format", ns));
        assertEquals(s("2022-12-03T00:10:53.141828752+05:30"), call("time.format", ArrayValue.of(ns, s("Asia/Kolkata"))));
        assertEquals(s("Sat Dec 03 00:10:53 +0530 2022"),
                call("time.format", ArrayValue.of(ns, s("Asia/Kolkata"), s("Mon Jan 02 15:04:05 -0700 2006"))));
        assertEquals(s("2022-12-02"), call("time.format", ArrayValue.of(ns, s("UTC"), s("2006-01-02"))));
        assertEquals(s("6:40PM"), call("time.format", ArrayValue.of(ns, s(""), s("Kitchen"))));
        assertEquals(s("Friday, 02-Dec-22 18:40:53 UTC"), call("time.format", ArrayValue.of(ns, s("UTC"), s("RFC850"))));
        assertFails(ErrorCode.EVAL_BUILTIN, "timestamp too big", "time.format", v("15829776000000000000000000"));
    }

    @Test
    void nowIsTheQueryClock() {
        assertEquals(NumberValue.of(1_700_000_000_000_000_000L), call("time.now_ns"));
    }
}
