package dev.lambdashield.rego.builtins;

import java.util.List;

/** The table of built-in families that the engine registers by default. */
public final class Builtins {

    /** Every family, one line each. */
    private static final List<BuiltinFamily> FAMILIES = List.of(
            new ComparisonBuiltins(),
            new NumberBuiltins(),
            new AggregateBuiltins(),
            new ArrayBuiltins(),
            new SetBuiltins(),
            new ObjectBuiltins(),
            new StringBuiltins(),
            new StringTrimBuiltins(),
            new RegexBuiltins(),
            new GlobBuiltins(),
            new TypeBuiltins(),
            new ConversionBuiltins(),
            new BitsBuiltins(),
            new SemverBuiltins(),
            new UnitsBuiltins(),
            new EncodingBuiltins(),
            new JsonBuiltins(),
            new TimeBuiltins(),
            new NetBuiltins(),
            new UuidBuiltins(),
            new CryptoBuiltins(),
            new JwtBuiltins(),
            new GraphBuiltins(),
            new GraphqlBuiltins(),
            new RuntimeBuiltins()
    );

    private static final BuiltinRegistry DEFAULT = createDefault();

    private Builtins() {
    }

    /** Returns the registry with every family; it is shared and must not be changed. */
    public static BuiltinRegistry defaultRegistry() {
        return DEFAULT;
    }

    private static BuiltinRegistry createDefault() {
        BuiltinRegistry registry = new BuiltinRegistry();
        for (BuiltinFamily family : FAMILIES) {
            family.registerInto(registry);
        }
        return registry;
    }
}
