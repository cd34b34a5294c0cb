package dev.lambdashield.rego.value;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** An immutable Rego object. Keys may be any value; entries iterate in OPA's order of keys. */
public final class ObjectValue implements Value {

    public static final ObjectValue EMPTY = new ObjectValue(new TreeMap<>());

    private final NavigableMap<Value, Value> entries;
    private int hash;

    private ObjectValue(NavigableMap<Value, Value> entries) {
        this.entries = Collections.unmodifiableNavigableMap(entries);
    }

    public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
        if (entries.isEmpty()) {
            return EMPTY;
        }
        return new ObjectValue(new TreeMap<>(entries));
    }

    public NavigableMap<Value, Value> entries() {
        return entries;
    }

    /** Returns the value under {@code key}, or null when there is none. */
    public Value get(Value key) {
        return entries.get(key);
    }

    /** Returns the value under a string key, or null when there is none. */
    public Value get(String key) {
        return entries.get(StringValue.of(key));
    }

    public int size() {
        return entries.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int typeOrder() {
        return 7;
    }

    @Override
    public String typeName() {
        return "object";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectValue o && entries.equals(o.entries);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = entries.hashCode() * 31 + 7;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return ValueJson.toRegoText(this);
    }

    /** Collects entries without copying them again on {@link #build()}. A builder is used once. */
    public static final class Builder {
        private TreeMap<Value, Value> entries = new TreeMap<>();

        /** Adds an entry and returns the value it replaced, or null. */
        public Value put(Value key, Value value) {
            return entries.put(key, value);
        }

        public Builder put(String key, Value value) {
            entries.put(StringValue.of(key), value);
            return this;
        }

        public Value get(Value key) {
            return entries.get(key);
        }

        public boolean containsKey(Value key) {
            return entries.containsKey(key);
        }

        public int size() {
            return entries.size();
        }

        public ObjectValue build() {
            ObjectValue built = entries.isEmpty() ? EMPTY : new ObjectValue(entries);
            entries = new TreeMap<>();
            return built;
        }
    }
}
