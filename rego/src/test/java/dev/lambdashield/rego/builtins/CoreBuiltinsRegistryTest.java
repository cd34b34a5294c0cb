package dev.lambdashield.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.types.Type;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Checks the families of this package through the registry: declarations, implementations and error wording. */
class CoreBuiltinsRegistryTest {

    private static final List<BuiltinFamily> CORE_FAMILIES = List.of(new ComparisonBuiltins(), new NumberBuiltins(),
            new AggregateBuiltins(), new ArrayBuiltins(), new SetBuiltins(), new ObjectBuiltins(), new StringBuiltins(),
            new StringTrimBuiltins(), new RegexBuiltins(), new GlobBuiltins(), new TypeBuiltins(),
            new ConversionBuiltins(), new BitsBuiltins(), new SemverBuiltins(), new UnitsBuiltins());

    /** OPA built-ins (v1.x, without network access) that these families must provide. */
    private static final Set<String> EXPECTED = Set.of("eq", "assign", "equal", "neq", "lt", "lte", "gt", "gte",
            "internal.member_2", "internal.member_3", "plus", "minus", "mul", "div", "rem", "abs", "round", "ceil", "floor",
            "numbers.range", "numbers.range_step", "rand.intn", "count", "sum", "product", "max", "min", "sort", "all", "any",
            "array.concat", "array.flatten", "array.slice", "array.reverse", "and", "or", "intersection", "union", "set_diff",
            "object.get", "object.keys", "object.remove", "object.filter", "object.union", "object.union_n", "object.subset",
            "concat", "contains", "endswith", "startswith", "format_int", "indexof", "indexof_n", "lower", "upper",
            "replace", "split", "strings.split_n", "sprintf", "substring", "strings.any_prefix_match", "strings.any_suffix_match",
            "strings.count", "strings.replace_n", "strings.reverse", "strings.render_template", "trim", "trim_left",
            "trim_right", "trim_prefix", "trim_suffix", "trim_space", "regex.match", "re_match", "regex.is_valid",
            "regex.split", "regex.find_n", "regex.find_all_string_submatch_n", "regex.replace", "regex.template_match",
            "regex.globs_match", "glob.match", "glob.quote_meta", "type_name", "is_number", "is_string", "is_boolean",
            "is_array", "is_set", "is_object", "is_null", "to_number", "cast_array", "cast_set", "cast_string",
            "cast_boolean", "cast_null", "cast_object", "bits.and", "bits.or", "bits.xor", "bits.negate", "bits.lsh",
            "bits.rsh", "semver.is_valid", "semver.compare", "units.parse", "units.parse_bytes");

    private static Set<String> coreNames() {
        BuiltinRegistry registry = new BuiltinRegistry();
        CORE_FAMILIES.forEach(family -> family.registerInto(registry));
        Set<String> names = new TreeSet<>();
        registry.entries().forEach(entry -> names.add(entry.decl().name()));
        return names;
    }

    @Test
    void everyExpectedBuiltinIsDeclared() {
        Set<String> missing = new TreeSet<>(EXPECTED);
        missing.removeAll(coreNames());
        assertEquals(Set.of(), missing);
    }

    @Test
    void defaultRegistryHoldsEveryCoreBuiltinWithImplementation() {
        for (String name : coreNames()) {
            BuiltinRegistry.Entry entry = Builtins.defaultRegistry().lookup(name).orElseThrow(() -> new AssertionError(name));
            assertNotNull(entry.function(), name);
            assertNotNull(entry.decl().result(), name);
            assertEquals(name, entry.decl().name());
            assertTrue(!entry.decl().description().isBlank(), name);
        }
    }

    /**
     * Calls every core built-in with an argument of a type its declaration rejects. The failure must be a
     * type error worded "operand N must be ...", so that the evaluator's prefix (the registry name) is the
     * only place the built-in is named.
     */
    @Test
    void wrongTypeArgumentsRaiseOperandErrors() {
        List<String> checked = new ArrayList<>();
        for (String name : coreNames()) {
            BuiltinRegistry.Entry entry = Builtins.defaultRegistry().lookup(name).orElseThrow();
            if (callExpectingFailure(entry, validArguments(entry.decl())) != null) {
                // The sample arguments are not valid values for this built-in (for example "a" as a version).
                continue;
            }
            for (int position = 0; position < entry.decl().arity(); position++) {
                Value wrong = valueOutside(entry.decl().args().get(position).type());
                if (wrong == null) {
                    continue;
                }
                List<Value> args = validArguments(entry.decl());
                args.set(position, wrong);
                BuiltinException error = callExpectingFailure(entry, args);
                if (error == null) {
                    continue;
                }
                assertEquals(ErrorCode.EVAL_TYPE, error.code(), name + ": " + error.getMessage());
                assertTrue(error.getMessage().startsWith("operand " + (position + 1) + " "),
                        name + " names the wrong operand: " + error.getMessage());
                assertTrue(!error.getMessage().contains(name + ":"), name + " retypes its own name: " + error.getMessage());
                checked.add(name);
            }
        }
        assertTrue(checked.size() > 60, "checked only " + checked);
    }

    private static BuiltinException callExpectingFailure(BuiltinRegistry.Entry entry, List<Value> args) {
        try {
            entry.function().call(new BuiltinCalls.FixedContext(entry.decl().name(), new HashMap<>()), args);
            return null;
        } catch (BuiltinException e) {
            return e;
        }
    }

    private static List<Value> validArguments(BuiltinDecl decl) {
        List<Value> args = new ArrayList<>();
        for (BuiltinDecl.Arg arg : decl.args()) {
            args.add(sample(arg.type()));
        }
        return args;
    }

    private static Value sample(Type type) {
        return switch (type.kind()) {
            case NUMBER -> NumberValue.of(1);
            case STRING -> StringValue.of("a");
            case BOOLEAN -> BooleanValue.TRUE;
            case ARRAY -> ArrayValue.EMPTY;
            case SET -> SetValue.EMPTY;
            case OBJECT -> ObjectValue.EMPTY;
            case UNION -> sample(type.parameters().get(0));
            default -> NullValue.INSTANCE;
        };
    }

    /** Returns a value whose type the declared type excludes, or null when it accepts anything. */
    private static Value valueOutside(Type type) {
        Set<Type.Kind> accepted = new TreeSet<>();
        if (type.kind() == Type.Kind.UNION) {
            type.parameters().forEach(member -> accepted.add(member.kind()));
        } else {
            accepted.add(type.kind());
        }
        if (accepted.contains(Type.Kind.ANY)) {
            return null;
        }
        if (!accepted.contains(Type.Kind.SET)) {
            return SetValue.of(NumberValue.of(1));
        }
        if (!accepted.contains(Type.Kind.NUMBER)) {
            return NumberValue.of(1);
        }
        return NullValue.INSTANCE;
    }
}
