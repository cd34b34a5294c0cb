package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Type;
import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Conversions: to_number, and the deprecated cast_* functions that OPA keeps for v0 policies.
 * A cast does not convert between types: it returns its operand when it already has the type.
 */
public final class ConversionBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "conversions";
    /** The decimal forms that Go's strconv.ParseFloat accepts; hexadecimal and underscores are not supported. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("to_number", CATEGORY,
                        "Converts a string, boolean or null to a number; true is 1, false and null are 0.",
                        Types.NUMBER, arg("x", Types.anyOf(Types.NULL, Types.BOOLEAN, Types.NUMBER, Types.STRING))),
                ConversionBuiltins::toNumber);
        registry.register(cast("cast_array", Types.ANY_ARRAY), ConversionBuiltins::castArray);
        registry.register(cast("cast_set", Types.ANY_SET), ConversionBuiltins::castSet);
        registry.register(cast("cast_string", Types.STRING), (context, args) -> StringValue.of(Args.string(args, 0)));
        registry.register(cast("cast_boolean", Types.BOOLEAN), (context, args) -> BooleanValue.of(Args.bool(args, 0)));
        registry.register(cast("cast_null", Types.NULL), ConversionBuiltins::castNull);
        registry.register(cast("cast_object", Types.ANY_OBJECT), (context, args) -> Args.object(args, 0));
    }

    private static BuiltinDecl cast(String name, Type result) {
        return function(name, CATEGORY, "Returns x when its type is " + name.substring("cast_".length()) + " (deprecated).", result,
                arg("x", Types.ANY));
    }

    private static Value toNumber(BuiltinContext context, List<Value> args) {
        Value value = args.get(0);
        if (value instanceof NumberValue) {
            return value;
        }
        if (value instanceof NullValue) {
            return NumberValue.of(0);
        }
        if (value instanceof BooleanValue b) {
            return NumberValue.of(b.value() ? 1 : 0);
        }
        if (value instanceof StringValue s) {
            if (!DECIMAL.matcher(s.value()).matches()) {
                throw BuiltinException.failure("invalid syntax");
            }
            return NumberValue.of(new BigDecimal(s.value()));
        }
        throw Args.wrongType(args, 0, "null", "boolean", "number", "string");
    }

    private static Value castArray(BuiltinContext context, List<Value> args) {
        Value value = args.get(0);
        if (value instanceof ArrayValue) {
            return value;
        }
        if (value instanceof SetValue s) {
            return ArrayValue.of(new ArrayList<>(s.elements()));
        }
        throw Args.wrongType(args, 0, "array", "set");
    }

    private static Value castSet(BuiltinContext context, List<Value> args) {
        Value value = args.get(0);
        if (value instanceof SetValue) {
            return value;
        }
        if (value instanceof ArrayValue a) {
            return SetValue.of(a.elements());
        }
        throw Args.wrongType(args, 0, "array", "set");
    }

    private static Value castNull(BuiltinContext context, List<Value> args) {
        if (args.get(0) instanceof NullValue) {
            return NullValue.INSTANCE;
        }
        throw Args.wrongType(args, 0, "null");
    }
}
