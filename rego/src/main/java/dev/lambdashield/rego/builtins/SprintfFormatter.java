package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's fmt.Sprintf over Rego values, as OPA's {@code sprintf} calls it. OPA hands Go an int for an
 * integer literal (a *big.Int when it does not fit 64 bits), a float64 for other numbers, a string
 * for strings, and the Rego text of any other value ({@link RegoText}) as a string. So {@code %s}
 * of {@code 5} prints Go's {@code %!s(int=5)} and {@code %v} of an array prints {@code ["a", 1]},
 * exactly as OPA does.
 *
 * <p>NOTE: the floating-point verbs %b, %x and %X print Go's bad-verb marker instead of their binary
 * and hexadecimal forms.
 */
final class SprintfFormatter {

    /** One operand, typed as the Go value that OPA passes to fmt.Sprintf. */
    record Operand(Kind kind, BigInteger integer, double floating, String string) {
    }

    enum Kind {
        INT("int"), BIG_INT("*big.Int"), FLOAT("float64"), STRING("string");

        private final String goType;

        Kind(String goType) {
            this.goType = goType;
        }
    }

    private final String format;
    private final List<Operand> operands;
    private final StringBuilder out = new StringBuilder();
    private final GoVerbFormatter verbs = new GoVerbFormatter(out);
    private int position;
    private int nextOperand;
    private boolean reordered;

    private SprintfFormatter(String format, List<Operand> operands) {
        this.format = format;
        this.operands = operands;
    }

    static String format(String format, List<Value> values) {
        List<Operand> operands = new ArrayList<>(values.size());
        for (Value value : values) {
            operands.add(toOperand(value));
        }
        return formatOperands(format, operands);
    }

    /** Formats operands that the caller has already typed as Go values. */
    static String formatOperands(String format, List<Operand> operands) {
        return new SprintfFormatter(format, operands).run();
    }

    static Operand toOperand(Value value) {
        if (value instanceof StringValue s) {
            return new Operand(Kind.STRING, null, 0, s.value());
        }
        if (value instanceof NumberValue n) {
            if (n.bigDecimal().scale() == 0) {
                BigInteger integer = n.bigDecimal().toBigIntegerExact();
                return new Operand(integer.bitLength() < 64 ? Kind.INT : Kind.BIG_INT, integer, 0, null);
            }
            double floating = n.doubleValue();
            if (Double.isInfinite(floating)) {
                String text = n.bigDecimal().toString().replace("E+", "e").replace('E', 'e');
                return new Operand(Kind.STRING, null, 0, text);
            }
            return new Operand(Kind.FLOAT, null, floating, null);
        }
        return new Operand(Kind.STRING, null, 0, RegoText.format(value));
    }

    private String run() {
        while (position < format.length()) {
            int percent = format.indexOf('%', position);
            if (percent < 0) {
                out.append(format, position, format.length());
                break;
            }
            out.append(format, position, percent);
            position = percent + 1;
            directive();
        }
        if (!reordered && nextOperand < operands.size()) {
            out.append("%!(EXTRA ");
            for (int i = nextOperand; i < operands.size(); i++) {
                if (i > nextOperand) {
                    out.append(", ");
                }
                Operand operand = operands.get(i);
                out.append(operand.kind().goType).append('=');
                verbs.reset();
                verbs.print(operand, 'v');
            }
            out.append(')');
        }
        return out.toString();
    }

    /** Parses flags, argument index, width and precision after a '%', then prints one verb. */
    private void directive() {
        verbs.reset();
        parseFlags();
        parseArgumentIndex();
        if (!parseWidth()) {
            out.append("%!(BADWIDTH)");
        }
        if (position < format.length() && format.charAt(position) == '.') {
            position++;
            parseArgumentIndex();
            if (!parsePrecision()) {
                out.append("%!(BADPREC)");
            }
        }
        parseArgumentIndex();
        if (position >= format.length()) {
            out.append("%!(NOVERB)");
            return;
        }
        int verb = format.codePointAt(position);
        position += Character.charCount(verb);
        if (verb == '%') {
            out.append('%');
        } else if (nextOperand >= operands.size()) {
            out.append("%!").appendCodePoint(verb).append("(MISSING)");
        } else {
            verbs.print(operands.get(nextOperand++), verb);
        }
    }

    private void parseFlags() {
        for (; position < format.length(); position++) {
            switch (format.charAt(position)) {
                case '#' -> verbs.sharp = true;
                case '0' -> verbs.zero = !verbs.minus;
                case '+' -> verbs.plus = true;
                case '-' -> {
                    verbs.minus = true;
                    verbs.zero = false;
                }
                case ' ' -> verbs.space = true;
                default -> {
                    return;
                }
            }
        }
    }

    private void parseArgumentIndex() {
        if (position >= format.length() || format.charAt(position) != '[') {
            return;
        }
        int close = format.indexOf(']', position);
        reordered = true;
        if (close < 0) {
            out.append("%!(BADINDEX)");
            position = format.length();
            return;
        }
        String digits = format.substring(position + 1, close);
        position = close + 1;
        if (!digits.matches("[0-9]{1,6}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > operands.size()) {
            out.append("%!(BADINDEX)");
            nextOperand = operands.size();
            return;
        }
        nextOperand = Integer.parseInt(digits) - 1;
    }

    private boolean parseWidth() {
        if (position < format.length() && format.charAt(position) == '*') {
            position++;
            Integer width = starArgument();
            if (width == null) {
                return false;
            }
            if (width < 0) {
                verbs.minus = true;
                verbs.zero = false;
                width = -width;
            }
            verbs.width = width;
            return true;
        }
        int start = position;
        verbs.width = parseNumber();
        if (position == start) {
            verbs.width = -1;
        }
        return true;
    }

    private boolean parsePrecision() {
        if (position < format.length() && format.charAt(position) == '*') {
            position++;
            Integer precision = starArgument();
            verbs.precision = precision == null || precision < 0 ? -1 : precision;
            return precision != null;
        }
        verbs.precision = parseNumber();
        return true;
    }

    private Integer starArgument() {
        if (nextOperand >= operands.size()) {
            return null;
        }
        Operand operand = operands.get(nextOperand++);
        if (operand.kind() != Kind.INT || operand.integer().bitLength() > 20) {
            return null;
        }
        return operand.integer().intValue();
    }

    private int parseNumber() {
        int value = 0;
        while (position < format.length() && Character.isDigit(format.charAt(position)) && value < 1_000_000) {
            value = value * 10 + (format.charAt(position) - '0');
            position++;
        }
        return value;
    }
}
