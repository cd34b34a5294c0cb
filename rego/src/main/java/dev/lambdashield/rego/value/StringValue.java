package dev.lambdashield.rego.value;

/** A Rego string. Strings are ordered by code point, as OPA orders them. */
public record StringValue(String value) implements Value {

    public static final StringValue EMPTY = new StringValue("");

    public StringValue {
        if (value == null) {
            throw new IllegalArgumentException("string value must not be null");
        }
    }

    public static StringValue of(String value) {
        return value.isEmpty() ? EMPTY : new StringValue(value);
    }

    @Override
    public int typeOrder() {
        return 3;
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public String toString() {
        return ValueJson.quote(value);
    }
}
