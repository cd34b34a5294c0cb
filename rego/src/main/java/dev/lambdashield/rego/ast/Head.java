package dev.lambdashield.rego.ast;

import java.util.List;

/**
 * A rule head. {@code ref} is the rule's reference relative to its package ({@code p},
 * {@code a.b[x]}); {@code args} is non-null for functions; {@code key} is set for multi-value
 * rules ({@code p contains x}, v0's {@code p[x]}); {@code value} is the value of single-value
 * rules and functions.
 */
public record Head(Ref ref, List<Term> args, Term key, Term value, boolean assign, Location location) {

    public Head {
        args = args == null ? null : List.copyOf(args);
    }

    /** The kinds of rules, which may not be mixed on one path. */
    public enum Kind { SINGLE_VALUE, MULTI_VALUE, FUNCTION }

    public Kind kind() {
        if (args != null) {
            return Kind.FUNCTION;
        }
        return key != null ? Kind.MULTI_VALUE : Kind.SINGLE_VALUE;
    }

    /** Returns the first name of the reference, e.g. {@code p} for {@code p.q[x]}. */
    public String name() {
        return ((Var) ref.head()).name();
    }

    public Head withParts(Ref newRef, List<Term> newArgs, Term newKey, Term newValue) {
        return new Head(newRef, newArgs, newKey, newValue, assign, location);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(ref.toString());
        if (args != null) {
            out.append(args.toString().replace('[', '(').replace(']', ')'));
        }
        if (key != null) {
            out.append(" contains ").append(key);
        }
        if (value != null) {
            out.append(assign ? " := " : " = ").append(value);
        }
        return out.toString();
    }
}
