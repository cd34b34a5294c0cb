package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.function.Predicate;

/** Type tests: type_name and the is_* predicates, which return false (never undefined) for other types. */
public final class TypeBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "types";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("type_name", CATEGORY,
                        "Returns the type of x: null, boolean, number, string, array, object or set.",
                        Types.STRING, arg("x", Types.ANY)),
                (context, args) -> StringValue.of(args.get(0).typeName()));
        registerTest(registry, "is_number", v -> v instanceof NumberValue);
        registerTest(registry, "is_string", v -> v instanceof StringValue);
        registerTest(registry, "is_boolean", v -> v instanceof BooleanValue);
        registerTest(registry, "is_array", v -> v instanceof ArrayValue);
        registerTest(registry, "is_set", v -> v instanceof SetValue);
        registerTest(registry, "is_object", v -> v instanceof ObjectValue);
        registerTest(registry, "is_null", v -> v instanceof NullValue);
    }

    private static void registerTest(BuiltinRegistry registry, String name, Predicate<Value> test) {
        String typeName = name.substring("is_".length());
        String article = "aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ";
        registry.register(function(name, CATEGORY, "Returns whether x is " + article + typeName + ".", Types.BOOLEAN,
                arg("x", Types.ANY)), (context, args) -> BooleanValue.of(test.test(args.get(0))));
    }
}
