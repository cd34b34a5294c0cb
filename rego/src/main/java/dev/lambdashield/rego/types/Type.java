package dev.lambdashield.rego.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A static type of the compiler's type check, as OPA's {@code types} package models them: scalars,
 * {@code any}, homogeneous arrays and sets, objects with a key and value type, and unions.
 */
public final class Type {

    /** The shape of a type. */
    public enum Kind { ANY, NULL, BOOLEAN, NUMBER, STRING, ARRAY, SET, OBJECT, UNION }

    private final Kind kind;
    private final List<Type> parameters;

    private Type(Kind kind, List<Type> parameters) {
        this.kind = kind;
        this.parameters = List.copyOf(parameters);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Returns the element type of an array or set, the key and value types of an object, or the
     * members of a union; empty for other kinds.
     */
    public List<Type> parameters() {
        return parameters;
    }

    static Type of(Kind kind, List<Type> parameters) {
        return new Type(kind, parameters);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Type t && kind == t.kind && parameters.equals(t.parameters);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + parameters.hashCode();
    }

    /** Formats as OPA prints types in messages: {@code string}, {@code array[number]}, {@code any<string, number>}. */
    @Override
    public String toString() {
        return switch (kind) {
            case ARRAY -> "array[" + parameters.get(0) + "]";
            case SET -> "set[" + parameters.get(0) + "]";
            case OBJECT -> "object[" + parameters.get(0) + ": " + parameters.get(1) + "]";
            case UNION -> "any<" + parameters.stream().map(Type::toString).collect(Collectors.joining(", ")) + ">";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
