package dev.lambdashield.rego.builtins;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints one operand for one Go fmt verb with the flags, width and precision of the directive,
 * following Go's fmt rules for ints, *big.Int, float64 and string operands.
 */
final class GoVerbFormatter {

    private final StringBuilder out;
    boolean sharp;
    boolean zero;
    boolean plus;
    boolean minus;
    boolean space;
    /** Minimum width in code points, or -1 when absent. */
    int width;
    /** Precision, or -1 when absent. */
    int precision;

    GoVerbFormatter(StringBuilder out) {
        this.out = out;
        reset();
    }

    void reset() {
        sharp = false;
        zero = false;
        plus = false;
        minus = false;
        space = false;
        width = -1;
        precision = -1;
    }

    void print(SprintfFormatter.Operand operand, int verb) {
        if (verb == 'T') {
            pad(operand.kind() == SprintfFormatter.Kind.BIG_INT ? "*big.Int" : goType(operand));
            return;
        }
        switch (operand.kind()) {
            case INT, BIG_INT -> printInteger(operand, verb);
            case FLOAT -> printFloat(operand, verb);
            default -> printString(operand, verb);
        }
    }

    private static String goType(SprintfFormatter.Operand operand) {
        return switch (operand.kind()) {
            case INT -> "int";
            case BIG_INT -> "*big.Int";
            case FLOAT -> "float64";
            default -> "string";
        };
    }

    private void badVerb(SprintfFormatter.Operand operand, int verb) {
        String type = operand.kind() == SprintfFormatter.Kind.BIG_INT ? "big.Int" : goType(operand);
        String value = switch (operand.kind()) {
            case INT, BIG_INT -> operand.integer().toString();
            case FLOAT -> GoFloatFormat.format(operand.floating(), 'g', -1);
            default -> operand.string();
        };
        out.append("%!").appendCodePoint(verb).append('(').append(type).append('=').append(value).append(')');
    }

    private void printInteger(SprintfFormatter.Operand operand, int verb) {
        BigInteger value = operand.integer();
        boolean big = operand.kind() == SprintfFormatter.Kind.BIG_INT;
        switch (verb) {
            case 'v', 'd' -> integer(value, 10, "", false);
            case 's' -> {
                if (big) {
                    integer(value, 10, "", false);
                } else {
                    badVerb(operand, verb);
                }
            }
            case 'b' -> integer(value, 2, sharp ? "0b" : "", false);
            case 'o' -> integer(value, 8, sharp ? "0" : "", false);
            case 'O' -> integer(value, 8, "0o", false);
            case 'x' -> integer(value, 16, sharp ? "0x" : "", false);
            case 'X' -> integer(value, 16, sharp ? "0X" : "", true);
            case 'c', 'q', 'U' -> {
                if (big) {
                    badVerb(operand, verb);
                } else {
                    character(value, verb);
                }
            }
            default -> badVerb(operand, verb);
        }
    }

    private void integer(BigInteger value, int radix, String prefix, boolean upperCase) {
        if (precision == 0 && value.signum() == 0) {
            out.append(" ".repeat(Math.max(width, 0)));
            return;
        }
        String digits = value.abs().toString(radix);
        if (upperCase) {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        int minimumDigits = precision;
        if (precision < 0 && zero && width > 0) {
            minimumDigits = value.signum() < 0 || plus || space ? width - 1 : width;
        }
        if (digits.length() < minimumDigits) {
            digits = "0".repeat(minimumDigits - digits.length()) + digits;
        }
        if (prefix.equals("0") && digits.startsWith("0")) {
            prefix = "";
        }
        padWithSpaces(sign(value.signum() < 0) + prefix + digits);
    }

    private void character(BigInteger value, int verb) {
        int codePoint = value.bitLength() <= 31 && Character.isValidCodePoint(value.intValue()) ? value.intValue() : 0xFFFD;
        String glyph = new String(Character.toChars(codePoint));
        if (verb == 'c') {
            pad(glyph);
        } else if (verb == 'q') {
            pad("'" + GoQuote.escape(glyph, '\'') + "'");
        } else {
            String hex = Integer.toHexString(value.intValue()).toUpperCase(Locale.ROOT);
            String text = "U+" + "0".repeat(Math.max(4 - hex.length(), 0)) + hex;
            pad(sharp ? text + " '" + glyph + "'" : text);
        }
    }

    private void printFloat(SprintfFormatter.Operand operand, int verb) {
        char goVerb;
        int digits = precision;
        switch (verb) {
            case 'v' -> goVerb = 'g';
            case 'g', 'G' -> goVerb = (char) verb;
            case 'e', 'E', 'f', 'F' -> {
                goVerb = verb == 'F' ? 'f' : (char) verb;
                digits = precision < 0 ? 6 : precision;
            }
            default -> {
                badVerb(operand, verb);
                return;
            }
        }
        String number = GoFloatFormat.format(operand.floating(), goVerb, digits);
        boolean negative = number.startsWith("-");
        String unsigned = negative ? number.substring(1) : number;
        String sign = sign(negative);
        if (zero && width > sign.length() + unsigned.length() && !unsigned.endsWith("Inf") && !unsigned.equals("NaN")) {
            out.append(sign).append("0".repeat(width - sign.length() - unsigned.length())).append(unsigned);
            return;
        }
        padWithSpaces(sign + unsigned);
    }

    /** Returns the sign to print: '-' for a negative number, else '+' or ' ' as the flags request. */
    private String sign(boolean negative) {
        if (negative) {
            return "-";
        }
        if (plus) {
            return "+";
        }
        return space ? " " : "";
    }

    private void printString(SprintfFormatter.Operand operand, int verb) {
        String value = operand.string();
        switch (verb) {
            case 'v', 's' -> pad(truncate(value));
            case 'q' -> pad(GoQuote.quote(truncate(value), sharp));
            case 'x', 'X' -> pad(hex(truncateBytes(value), verb == 'X'));
            default -> badVerb(operand, verb);
        }
    }

    private String truncate(String value) {
        if (precision < 0 || value.codePointCount(0, value.length()) <= precision) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, precision));
    }

    private byte[] truncateBytes(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (precision >= 0 && bytes.length > precision) {
            return Arrays.copyOf(bytes, precision);
        }
        return bytes;
    }

    private String hex(byte[] bytes, boolean upper) {
        String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        String prefix = upper ? "0X" : "0x";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (space && i > 0) {
                text.append(' ');
            }
            if (sharp && (space || i == 0)) {
                text.append(prefix);
            }
            text.append(digits.charAt((bytes[i] >> 4) & 0xF)).append(digits.charAt(bytes[i] & 0xF));
        }
        return text.toString();
    }

    /** Pads to the width on the left (with zeros under the 0 flag) or on the right under the - flag. */
    private void pad(String text) {
        int missing = width - text.codePointCount(0, text.length());
        if (missing <= 0) {
            out.append(text);
        } else if (minus) {
            out.append(text).append(" ".repeat(missing));
        } else {
            out.append((zero ? "0" : " ").repeat(missing)).append(text);
        }
    }

    private void padWithSpaces(String text) {
        boolean wasZero = zero;
        zero = false;
        pad(text);
        zero = wasZero;
    }
}
