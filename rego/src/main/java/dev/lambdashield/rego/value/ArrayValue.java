package dev.lambdashield.rego.value;

import java.util.List;

/** An immutable Rego array. */
public final class ArrayValue implements Value {

    public static final ArrayValue EMPTY = new ArrayValue(List.of());

    private final List<Value> elements;
    private int hash;

    private ArrayValue(List<Value> elements) {
        this.elements = elements;
    }

    public static ArrayValue of(List<? extends Value> elements) {
        return elements.isEmpty() ? EMPTY : new ArrayValue(List.copyOf(elements));
    }

    public static ArrayValue of(Value... elements) {
        return of(List.of(elements));
    }

    public List<Value> elements() {
        return elements;
    }

    public int size() {
        return elements.size();
    }

    public Value get(int index) {
        return elements.get(index);
    }

    @Override
    public int typeOrder() {
        return 6;
    }

    @Override
    public String typeName() {
        return "array";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayValue a && elements.equals(a.elements);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = elements.hashCode() * 31 + 6;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return ValueJson.toRegoText(this);
    }
}
