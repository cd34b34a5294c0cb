package dev.lambdashield.rego.types;

import java.util.List;

/** Factories for {@link Type}, used by built-in declarations and the type check. */
public final class Types {

    public static final Type ANY = Type.of(Type.Kind.ANY, List.of());
    public static final Type NULL = Type.of(Type.Kind.NULL, List.of());
    public static final Type BOOLEAN = Type.of(Type.Kind.BOOLEAN, List.of());
    public static final Type NUMBER = Type.of(Type.Kind.NUMBER, List.of());
    public static final Type STRING = Type.of(Type.Kind.STRING, List.of());
    public static final Type ANY_ARRAY = arrayOf(ANY);
    public static final Type ANY_SET = setOf(ANY);
    public static final Type ANY_OBJECT = objectOf(ANY, ANY);

    private Types() {
    }

    public static Type arrayOf(Type element) {
        return Type.of(Type.Kind.ARRAY, List.of(element));
    }

    public static Type setOf(Type element) {
        return Type.of(Type.Kind.SET, List.of(element));
    }

    public static Type objectOf(Type key, Type value) {
        return Type.of(Type.Kind.OBJECT, List.of(key, value));
    }

    /** A union: a value of any of the member types is accepted. */
    public static Type anyOf(Type... members) {
        return Type.of(Type.Kind.UNION, List.of(members));
    }
}
