package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.types.Type;

import java.util.List;

/**
 * A built-in function's declaration: its name, typed arguments, result type, a one-line
 * description, its category (family), and whether its result depends only on its arguments.
 * The compiler's type check and the capabilities output both read declarations; the
 * implementation is registered beside it in {@link BuiltinRegistry}.
 *
 * @param relation true for a built-in that yields several results (as {@code walk} does)
 */
public record BuiltinDecl(String name, List<Arg> args, Type result, String description, String category,
                          boolean deterministic, boolean relation) {

    /** One named, typed argument. */
    public record Arg(String name, Type type) {
    }

    public BuiltinDecl {
        args = List.copyOf(args);
    }

    public int arity() {
        return args.size();
    }

    /** Declares a deterministic, non-relation built-in. */
    public static BuiltinDecl function(String name, String category, String description, Type result, Arg... args) {
        return new BuiltinDecl(name, List.of(args), result, description, category, true, false);
    }

    public static Arg arg(String name, Type type) {
        return new Arg(name, type);
    }

    public BuiltinDecl nondeterministic() {
        return new BuiltinDecl(name, args, result, description, category, false, relation);
    }
}
