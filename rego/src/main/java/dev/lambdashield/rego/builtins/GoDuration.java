package dev.lambdashield.rego.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/** Parses Go duration strings such as {@code "1h30m"}, {@code "-1.5s"} or {@code "100ms"} into nanoseconds. */
final class GoDuration {

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    static long parse(String text) {
        String rest = text;
        boolean negative = false;
        if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return 0;
        }
        if (rest.isEmpty()) {
            throw invalid(text);
        }
        BigInteger total = BigInteger.ZERO;
        while (!rest.isEmpty()) {
            int numberEnd = 0;
            while (numberEnd < rest.length() && (Character.isDigit(rest.charAt(numberEnd)) || rest.charAt(numberEnd) == '.')) {
                numberEnd++;
            }
            String number = rest.substring(0, numberEnd);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitEnd = numberEnd;
            while (unitEnd < rest.length() && rest.charAt(unitEnd) != '.' && !Character.isDigit(rest.charAt(unitEnd))) {
                unitEnd++;
            }
            String unit = rest.substring(numberEnd, unitEnd);
            if (unit.isEmpty()) {
                throw BuiltinException.failure("time: missing unit in duration \"" + text + "\"");
            }
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw BuiltinException.failure("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
            }
            String digits = number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number;
            total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.DOWN).toBigInteger());
            rest = rest.substring(unitEnd);
        }
        if (negative) {
            total = total.negate();
        }
        if (total.bitLength() > 63) {
            throw invalid(text);
        }
        return total.longValue();
    }

    private static BuiltinException invalid(String text) {
        return BuiltinException.failure("time: invalid duration \"" + text + "\"");
    }
}
