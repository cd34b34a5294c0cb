package dev.lambdashield.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An arbitrary-precision number. Equality and hashing use the numeric value, so {@code 1}, {@code 1.0}
 * and {@code 1e0} are one value, as in OPA.
 */
public final class NumberValue implements Value {

    private static final NumberValue[] SMALL = new NumberValue[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new NumberValue(BigDecimal.valueOf(i - 128));
        }
    }

    private final BigDecimal value;
    private final BigDecimal normalized;

    private NumberValue(BigDecimal value) {
        this.value = value;
        this.normalized = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public static NumberValue of(long value) {
        if (value >= -128 && value < 128) {
            return SMALL[(int) value + 128];
        }
        return new NumberValue(BigDecimal.valueOf(value));
    }

    public static NumberValue of(BigInteger value) {
        return new NumberValue(new BigDecimal(value));
    }

    public static NumberValue of(BigDecimal value) {
        return new NumberValue(value);
    }

    /** Creates a number from a double; NaN and infinities have no Rego form and are rejected. */
    public static NumberValue of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ArithmeticException("number is not finite: " + value);
        }
        return new NumberValue(new BigDecimal(Double.toString(value)));
    }

    /** Parses JSON or Rego number text such as {@code 12}, {@code -0.5} or {@code 1e400}. */
    public static NumberValue parse(String text) {
        return new NumberValue(new BigDecimal(text));
    }

    public BigDecimal bigDecimal() {
        return value;
    }

    public boolean isInteger() {
        return normalized.scale() <= 0;
    }

    /** Returns the value as a BigInteger when it is integral. */
    public Optional<BigInteger> bigInteger() {
        if (!isInteger()) {
            return Optional.empty();
        }
        return Optional.of(normalized.toBigIntegerExact());
    }

    /** Returns the value as an int when it is integral and fits. */
    public Optional<Integer> intValue() {
        if (!isInteger()) {
            return Optional.empty();
        }
        try {
            return Optional.of(normalized.intValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    public double doubleValue() {
        return value.doubleValue();
    }

    int compareNumber(NumberValue other) {
        return value.compareTo(other.value);
    }

    @Override
    public int typeOrder() {
        return 2;
    }

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumberValue n && normalized.equals(n.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /**
     * Formats as JSON number text: integers without a fraction or exponent, other values in
     * plain decimal form unless that form would be very long.
     */
    @Override
    public String toString() {
        if (isInteger()) {
            if (normalized.precision() - normalized.scale() > 400) {
                return normalized.toString();
            }
            return normalized.toPlainString();
        }
        if (normalized.scale() > 400) {
            return normalized.toString();
        }
        return normalized.toPlainString();
    }
}
