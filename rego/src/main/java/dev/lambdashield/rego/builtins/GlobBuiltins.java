package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Glob matching with delimiters: {@code *} and {@code ?} stop at a delimiter, {@code **} does not.
 * An empty delimiter array means the default delimiter ".", and null means no delimiters at all.
 */
public final class GlobBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "glob";
    /** The characters that glob.quote_meta escapes. */
    private static final String SPECIAL = "*?\\[]{}";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("glob.match", CATEGORY,
                        "Returns whether match matches the glob pattern, where * and ? do not cross the delimiters.",
                        Types.BOOLEAN, arg("pattern", Types.STRING),
                        arg("delimiters", Types.anyOf(Types.arrayOf(Types.STRING), Types.NULL)),
                        arg("match", Types.STRING)),
                GlobBuiltins::match);
        registry.register(function("glob.quote_meta", CATEGORY,
                        "Escapes the glob metacharacters of pattern so that it matches itself literally.",
                        Types.STRING, arg("pattern", Types.STRING)),
                (context, args) -> StringValue.of(quoteMeta(Args.string(args, 0))));
    }

    private static Value match(BuiltinContext context, List<Value> args) {
        String pattern = Args.string(args, 0);
        List<Integer> delimiters = delimiters(args);
        String match = Args.string(args, 2);
        String regex = GlobTranslator.toRegex(pattern, delimiters);
        return BooleanValue.of(RegexCache.compile(regex).matches(match));
    }

    private static List<Integer> delimiters(List<Value> args) {
        Value operand = args.get(1);
        if (operand instanceof NullValue) {
            return List.of();
        }
        if (!(operand instanceof ArrayValue array)) {
            throw Args.wrongType(args, 1, "array", "null");
        }
        List<Integer> delimiters = new ArrayList<>();
        for (Value element : array.elements()) {
            if (!(element instanceof StringValue s)) {
                throw Operands.elementType(1, array, element, "string");
            }
            if (s.value().codePointCount(0, s.value().length()) != 1) {
                throw Operands.elementType(1, array, element, "rune");
            }
            delimiters.add(s.value().codePointAt(0));
        }
        return delimiters.isEmpty() ? List.of((int) '.') : delimiters;
    }

    static String quoteMeta(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
