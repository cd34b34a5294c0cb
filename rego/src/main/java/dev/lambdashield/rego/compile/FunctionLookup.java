package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.builtins.BuiltinDecl;
import dev.lambdashield.rego.builtins.BuiltinRegistry;
import dev.lambdashield.rego.types.Types;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Declarations of every function a call may name that is not a user function: the registered
 * built-ins plus those the evaluator implements itself because they need its state.
 */
public final class FunctionLookup {

    /** Arity of {@code print}, which takes any number of arguments. */
    public static final int VARIADIC = -2;

    private static final Map<String, BuiltinDecl> EVALUATOR_BUILTINS = declareEvaluatorBuiltins();

    private final BuiltinRegistry registry;

    public FunctionLookup(BuiltinRegistry registry) {
        this.registry = registry;
    }

    public BuiltinRegistry registry() {
        return registry;
    }

    /** Returns the declaration of a built-in by name. */
    public Optional<BuiltinDecl> builtin(String name) {
        BuiltinDecl own = EVALUATOR_BUILTINS.get(name);
        if (own != null) {
            return Optional.of(own);
        }
        return registry.lookup(name).map(BuiltinRegistry.Entry::decl);
    }

    /** Returns the built-ins that the evaluator implements, for listings of capabilities. */
    public static Map<String, BuiltinDecl> evaluatorBuiltins() {
        return EVALUATOR_BUILTINS;
    }

    private static Map<String, BuiltinDecl> declareEvaluatorBuiltins() {
        Map<String, BuiltinDecl> decls = new TreeMap<>();
        add(decls, BuiltinDecl.function("walk", "graph", "Generates [path, value] pairs for every node below x.",
                Types.arrayOf(Types.ANY), BuiltinDecl.arg("x", Types.ANY)));
        add(decls, BuiltinDecl.function("trace", "tracing", "Emits a note into the evaluation trace.",
                Types.BOOLEAN, BuiltinDecl.arg("note", Types.STRING)));
        add(decls, BuiltinDecl.function("rego.metadata.rule", "rego", "Returns the annotations of the calling rule.",
                Types.ANY));
        add(decls, BuiltinDecl.function("rego.metadata.chain", "rego",
                "Returns the annotations of the calling rule and its enclosing packages.", Types.arrayOf(Types.ANY)));
        add(decls, BuiltinDecl.function("rego.parse_module", "rego", "Parses a Rego module into OPA's JSON AST.",
                Types.objectOf(Types.STRING, Types.ANY), BuiltinDecl.arg("filename", Types.STRING),
                BuiltinDecl.arg("rego", Types.STRING)));
        add(decls, new BuiltinDecl("print", List.of(), Types.NULL,
                "Prints its arguments to the print sink of the query.", "tracing", false, false));
        return java.util.Collections.unmodifiableMap(decls);
    }

    private static void add(Map<String, BuiltinDecl> decls, BuiltinDecl decl) {
        decls.put(decl.name(), decl);
    }

    /** Returns true for built-ins that the evaluator implements rather than the registry. */
    public static boolean isEvaluatorBuiltin(String name) {
        return EVALUATOR_BUILTINS.containsKey(name);
    }
}
