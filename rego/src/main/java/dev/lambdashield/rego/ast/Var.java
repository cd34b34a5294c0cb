package dev.lambdashield.rego.ast;

/**
 * A variable. The parser renames each {@code _} to a distinct wildcard name starting with
 * {@link #WILDCARD_PREFIX}, and the compiler renames declared locals, so two variables are the
 * same exactly when their names are equal.
 */
public record Var(String name, Location location) implements Term {

    public static final String WILDCARD_PREFIX = "$_";

    public boolean isWildcard() {
        return name.startsWith(WILDCARD_PREFIX);
    }

    /** Returns true for names the compiler generated, which never appear in results. */
    public boolean isGenerated() {
        return name.startsWith("$");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Var v && v.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
