package dev.lambdashield.rego.value;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/** An immutable Rego set. It iterates in OPA's value order. */
public final class SetValue implements Value {

    public static final SetValue EMPTY = new SetValue(new TreeSet<>());

    private final NavigableSet<Value> elements;
    private int hash;

    private SetValue(NavigableSet<Value> elements) {
        this.elements = Collections.unmodifiableNavigableSet(elements);
    }

    public static SetValue of(Collection<? extends Value> elements) {
        if (elements.isEmpty()) {
            return EMPTY;
        }
        return new SetValue(new TreeSet<>(elements));
    }

    public static SetValue of(Value... elements) {
        return of(java.util.Arrays.asList(elements));
    }

    /** Wraps a set that the caller built and will not change again; it must use the natural order. */
    static SetValue wrap(TreeSet<Value> elements) {
        return elements.isEmpty() ? EMPTY : new SetValue(elements);
    }

    public NavigableSet<Value> elements() {
        return elements;
    }

    public int size() {
        return elements.size();
    }

    public boolean contains(Value value) {
        return elements.contains(value);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int typeOrder() {
        return 8;
    }

    @Override
    public String typeName() {
        return "set";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SetValue s && elements.equals(s.elements);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = elements.hashCode() * 31 + 8;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return ValueJson.toRegoText(this);
    }

    /** Collects elements without copying them again on {@link #build()}. A builder is used once. */
    public static final class Builder {
        private TreeSet<Value> elements = new TreeSet<>();

        public Builder add(Value value) {
            elements.add(value);
            return this;
        }

        public Builder addAll(Collection<? extends Value> values) {
            elements.addAll(values);
            return this;
        }

        public int size() {
            return elements.size();
        }

        public SetValue build() {
            SetValue built = wrap(elements);
            elements = new TreeSet<>();
            return built;
        }
    }
}
