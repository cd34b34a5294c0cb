package dev.lambdashield.rego.builtins;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Go's strconv.FormatFloat does for the verbs 'e', 'E', 'f', 'F', 'g' and 'G'.
 * A precision of -1 selects the fewest digits that identify the double.
 */
final class GoFloatFormat {

    /** Decimal digits (no leading zeros, none when the value is zero) and the decimal point position. */
    private record Digits(String digits, int point) {
    }

    private GoFloatFormat() {
    }

    static String format(double value, char verb, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        String body = formatAbsolute(Math.abs(value), verb, precision);
        return negative ? "-" + body : body;
    }

    private static String formatAbsolute(double value, char verb, int precision) {
        boolean shortest = precision < 0;
        char lower = Character.toLowerCase(verb);
        if (lower == 'e') {
            Digits digits = shortest ? shortest(value) : significant(value, precision + 1);
            return formatE(digits, shortest ? Math.max(digits.digits().length() - 1, 0) : precision,
                    verb == 'E' ? 'E' : 'e');
        }
        if (lower == 'f') {
            if (shortest) {
                Digits digits = shortest(value);
                return formatF(digits, Math.max(digits.digits().length() - digits.point(), 0));
            }
            return new BigDecimal(value).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        }
        return formatG(value, verb, precision);
    }

    private static String formatG(double value, char verb, int precision) {
        boolean shortest = precision < 0;
        int wanted = precision == 0 ? 1 : precision;
        Digits digits = shortest ? shortest(value) : strip(significant(value, wanted));
        int count = digits.digits().length();
        int exponentLimit = shortest ? 6 : wanted;
        if (!shortest && exponentLimit > count && count >= digits.point()) {
            exponentLimit = count;
        }
        int exponent = digits.point() - 1;
        int shown = shortest ? count : wanted;
        if (exponent < -4 || exponent >= exponentLimit) {
            return formatE(digits, Math.max(Math.min(shown, count) - 1, 0), verb == 'G' ? 'E' : 'e');
        }
        if (shown > digits.point()) {
            shown = count;
        }
        return formatF(digits, Math.max(shown - digits.point(), 0));
    }

    private static Digits shortest(double value) {
        if (value == 0) {
            return new Digits("", 0);
        }
        return fromDecimal(shortestDecimal(value).stripTrailingZeros());
    }

    /**
     * Returns the decimal with the fewest significant digits that converts back to the same finite
     * double, choosing the nearest one among equally short candidates. Double.toString is not used
     * because before JDK 19 it sometimes prints more digits than needed.
     */
    static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static Digits significant(double value, int count) {
        if (value == 0) {
            return new Digits("0".repeat(count), 1);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(count, RoundingMode.HALF_EVEN));
        Digits digits = fromDecimal(rounded);
        String padded = digits.digits() + "0".repeat(Math.max(count - digits.digits().length(), 0));
        return new Digits(padded, digits.point());
    }

    private static Digits strip(Digits digits) {
        String text = digits.digits();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '0') {
            end--;
        }
        return end == 0 ? new Digits("", 0) : new Digits(text.substring(0, end), digits.point());
    }

    private static Digits fromDecimal(BigDecimal value) {
        String unscaled = value.unscaledValue().toString();
        return new Digits(unscaled, unscaled.length() - value.scale());
    }

    private static String formatE(Digits digits, int precision, char e) {
        String text = digits.digits();
        StringBuilder out = new StringBuilder();
        out.append(text.isEmpty() ? '0' : text.charAt(0));
        if (precision > 0) {
            out.append('.');
            for (int i = 1; i <= precision; i++) {
                out.append(i < text.length() ? text.charAt(i) : '0');
            }
        }
        int exponent = text.isEmpty() ? 0 : digits.point() - 1;
        out.append(e).append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }

    private static String formatF(Digits digits, int precision) {
        String text = digits.digits();
        StringBuilder out = new StringBuilder();
        if (digits.point() > 0) {
            for (int i = 0; i < digits.point(); i++) {
                out.append(i < text.length() ? text.charAt(i) : '0');
            }
        } else {
            out.append('0');
        }
        if (precision > 0) {
            out.append('.');
            for (int i = 1; i <= precision; i++) {
                int index = digits.point() + i - 1;
                out.append(index >= 0 && index < text.length() ? text.charAt(index) : '0');
            }
        }
        return out.toString();
    }
}
