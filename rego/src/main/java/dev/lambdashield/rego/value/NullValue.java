package dev.lambdashield.rego.value;

/** Rego's {@code null}; {@link #INSTANCE} is its only instance. */
public final class NullValue implements Value {

    public static final NullValue INSTANCE = new NullValue();

    private NullValue() {
    }

    @Override
    public int typeOrder() {
        return 0;
    }

    @Override
    public String typeName() {
        return "null";
    }

    @Override
    public String toString() {
        return "null";
    }
}
