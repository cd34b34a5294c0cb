package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.types.Type;
import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * String functions. Positions and lengths count Unicode code points, as OPA counts Go runes,
 * never UTF-16 units. The trim functions live in {@link StringTrimBuiltins}.
 */
public final class StringBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "strings";
    private static final Type S = Types.STRING;
    private static final Type STRINGS = Types.anyOf(Types.arrayOf(S), Types.setOf(S));
    private static final Type STRING_OR_STRINGS = Types.anyOf(S, Types.arrayOf(S), Types.setOf(S));

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("concat", CATEGORY, "Joins the strings of an array or set with a delimiter.",
                S, arg("delimiter", S), arg("collection", STRINGS)), StringBuiltins::concat);
        registry.register(predicate("contains", "Returns whether haystack contains needle.", "haystack", "needle"),
                (context, args) -> BooleanValue.of(Args.string(args, 0).contains(Args.string(args, 1))));
        registry.register(predicate("startswith", "Returns whether search starts with base.", "search", "base"),
                (context, args) -> BooleanValue.of(Args.string(args, 0).startsWith(Args.string(args, 1))));
        registry.register(predicate("endswith", "Returns whether search ends with base.", "search", "base"),
                (context, args) -> BooleanValue.of(Args.string(args, 0).endsWith(Args.string(args, 1))));

        registry.register(function("format_int", CATEGORY,
                        "Formats the integer part of a number in base 2, 8, 10 or 16.",
                        S, arg("number", Types.NUMBER), arg("base", Types.NUMBER)), StringBuiltins::formatInt);
        registry.register(function("indexof", CATEGORY,
                        "Returns the code point index of the first occurrence of needle, or -1.",
                        Types.NUMBER, arg("haystack", S), arg("needle", S)), StringBuiltins::indexOf);
        registry.register(function("indexof_n", CATEGORY,
                        "Returns the code point indexes of every occurrence of needle, overlapping ones included.",
                        Types.arrayOf(Types.NUMBER), arg("haystack", S), arg("needle", S)), StringBuiltins::indexOfAll);
        registry.register(function("lower", CATEGORY, "Returns x in lower case.", S, arg("x", S)),
                (context, args) -> StringValue.of(Args.string(args, 0).toLowerCase(Locale.ROOT)));
        registry.register(function("upper", CATEGORY, "Returns x in upper case.", S, arg("x", S)),
                (context, args) -> StringValue.of(Args.string(args, 0).toUpperCase(Locale.ROOT)));

        registry.register(function("replace", CATEGORY, "Replaces every occurrence of old with new.",
                        S, arg("x", S), arg("old", S), arg("new", S)),
                (context, args) -> StringValue.of(replaceAll(Args.string(args, 0), Args.string(args, 1), Args.string(args, 2))));
        registry.register(function("split", CATEGORY, "Splits x at every occurrence of delimiter.",
                        Types.arrayOf(S), arg("x", S), arg("delimiter", S)), StringBuiltins::split);
        registry.register(function("strings.split_n", CATEGORY,
                        "Splits x at every delimiter and keeps the first n parts, or the last -n parts when n is negative.",
                        Types.arrayOf(S), arg("x", S), arg("delimiter", S), arg("n", Types.NUMBER)),
                StringBuiltins::splitN);
        registry.register(function("sprintf", CATEGORY, "Formats values with Go's fmt verbs (%v, %s, %d, %.2f, ...).",
                        S, arg("format", S), arg("values", Types.ANY_ARRAY)),
                (context, args) -> StringValue.of(SprintfFormatter.format(Args.string(args, 0), Args.array(args, 1).elements())));
        registry.register(function("substring", CATEGORY,
                        "Returns length code points from offset; a negative length takes the rest of the string.",
                        S, arg("value", S), arg("offset", Types.NUMBER), arg("length", Types.NUMBER)),
                StringBuiltins::substring);

        registry.register(function("strings.any_prefix_match", CATEGORY,
                        "Returns whether any of the search strings starts with any of the base strings.",
                        Types.BOOLEAN, arg("search", STRING_OR_STRINGS), arg("base", STRING_OR_STRINGS)),
                (context, args) -> anyMatch(args, true));
        registry.register(function("strings.any_suffix_match", CATEGORY,
                        "Returns whether any of the search strings ends with any of the base strings.",
                        Types.BOOLEAN, arg("search", STRING_OR_STRINGS), arg("base", STRING_OR_STRINGS)),
                (context, args) -> anyMatch(args, false));
        registry.register(function("strings.count", CATEGORY,
                        "Returns the number of non-overlapping occurrences of substring in search.",
                        Types.NUMBER, arg("search", S), arg("substring", S)), StringBuiltins::count);
        registry.register(function("strings.replace_n", CATEGORY,
                        "Replaces each key of patterns with its value, scanning value once from the left.",
                        S, arg("patterns", Types.objectOf(S, S)), arg("value", S)), StringBuiltins::replaceEach);
        registry.register(function("strings.reverse", CATEGORY, "Returns x with its code points in reverse order.",
                        S, arg("x", S)),
                (context, args) -> StringValue.of(new StringBuilder(Args.string(args, 0)).reverse().toString()));
        registry.register(function("strings.render_template", CATEGORY,
                        "Renders a Go text/template with the given variables.",
                        S, arg("value", S), arg("vars", Types.objectOf(S, Types.ANY))),
                (context, args) -> StringValue.of(TemplateRenderer.render(Args.string(args, 0), Args.object(args, 1))));
    }

    private static BuiltinDecl predicate(String name, String description, String first, String second) {
        return function(name, CATEGORY, description, Types.BOOLEAN, arg(first, S), arg(second, S));
    }

    private static Value concat(BuiltinContext context, List<Value> args) {
        String delimiter = Args.string(args, 0);
        return StringValue.of(String.join(delimiter, Operands.stringElements(args, 1)));
    }

    private static Value formatInt(BuiltinContext context, List<Value> args) {
        NumberValue number = Args.number(args, 0);
        NumberValue base = Args.number(args, 1);
        int radix = base.intValue().orElse(0);
        if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE, "operand 2 must be one of {2, 8, 10, 16}", false);
        }
        BigInteger truncated = number.bigDecimal().setScale(0, RoundingMode.DOWN).toBigInteger();
        return StringValue.of(truncated.toString(radix));
    }

    private static Value indexOf(BuiltinContext context, List<Value> args) {
        String haystack = Args.string(args, 0);
        int index = haystack.indexOf(Args.string(args, 1));
        return NumberValue.of(index < 0 ? -1 : haystack.codePointCount(0, index));
    }

    private static Value indexOfAll(BuiltinContext context, List<Value> args) {
        String haystack = Args.string(args, 0);
        String needle = Args.string(args, 1);
        List<Value> indexes = new ArrayList<>();
        int from = 0;
        while (from <= haystack.length()) {
            int found = haystack.indexOf(needle, from);
            if (found < 0) {
                break;
            }
            indexes.add(NumberValue.of(haystack.codePointCount(0, found)));
            from = found < haystack.length() ? haystack.offsetByCodePoints(found, 1) : found + 1;
        }
        return ArrayValue.of(indexes);
    }

    /** Replaces as Go's strings.ReplaceAll does: an empty old string matches before every code point and at the end. */
    static String replaceAll(String text, String old, String replacement) {
        if (!old.isEmpty()) {
            return text.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder(replacement);
        text.codePoints().forEach(cp -> out.appendCodePoint(cp).append(replacement));
        return out.toString();
    }

    private static Value split(BuiltinContext context, List<Value> args) {
        return ArrayValue.of(split(Args.string(args, 0), Args.string(args, 1)));
    }

    private static Value splitN(BuiltinContext context, List<Value> args) {
        List<Value> parts = split(Args.string(args, 0), Args.string(args, 1));
        BigInteger n = Operands.integer(args, 2);
        int kept = n.abs().min(BigInteger.valueOf(parts.size())).intValue();
        if (n.signum() >= 0) {
            return ArrayValue.of(parts.subList(0, kept));
        }
        return ArrayValue.of(parts.subList(parts.size() - kept, parts.size()));
    }

    /** Splits as Go's strings.Split does: an empty delimiter splits between code points. */
    private static List<Value> split(String text, String delimiter) {
        List<Value> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            text.codePoints().forEach(cp -> parts.add(StringValue.of(new String(Character.toChars(cp)))));
            return parts;
        }
        int start = 0;
        for (int found = text.indexOf(delimiter); found >= 0; found = text.indexOf(delimiter, start)) {
            parts.add(StringValue.of(text.substring(start, found)));
            start = found + delimiter.length();
        }
        parts.add(StringValue.of(text.substring(start)));
        return parts;
    }

    private static Value substring(BuiltinContext context, List<Value> args) {
        String value = Args.string(args, 0);
        BigInteger offset = Operands.integer(args, 1);
        BigInteger length = Operands.integer(args, 2);
        int runes = value.codePointCount(0, value.length());
        if (offset.compareTo(BigInteger.valueOf(runes)) >= 0) {
            return StringValue.EMPTY;
        }
        if (offset.signum() < 0) {
            throw BuiltinException.failure("negative offset");
        }
        int start = value.offsetByCodePoints(0, offset.intValue());
        if (length.signum() < 0) {
            return StringValue.of(value.substring(start));
        }
        int end = length.compareTo(BigInteger.valueOf(runes - offset.intValue())) >= 0
                ? value.length()
                : value.offsetByCodePoints(start, length.intValue());
        return StringValue.of(value.substring(start, end));
    }

    private static Value anyMatch(List<Value> args, boolean prefix) {
        List<String> searches = stringOrStrings(args, 0);
        List<String> bases = stringOrStrings(args, 1);
        for (String search : searches) {
            for (String base : bases) {
                if (prefix ? search.startsWith(base) : search.endsWith(base)) {
                    return BooleanValue.TRUE;
                }
            }
        }
        return BooleanValue.FALSE;
    }

    private static List<String> stringOrStrings(List<Value> args, int index) {
        Value value = args.get(index);
        if (value instanceof StringValue s) {
            return List.of(s.value());
        }
        if (!(value instanceof ArrayValue) && !(value instanceof SetValue)) {
            throw Args.wrongType(args, index, "string", "set", "array");
        }
        return Operands.stringElements(args, index);
    }

    private static Value count(BuiltinContext context, List<Value> args) {
        String search = Args.string(args, 0);
        String substring = Args.string(args, 1);
        if (substring.isEmpty()) {
            return NumberValue.of(search.codePointCount(0, search.length()) + 1L);
        }
        int count = 0;
        for (int found = search.indexOf(substring); found >= 0; found = search.indexOf(substring, found + substring.length())) {
            count++;
        }
        return NumberValue.of(count);
    }

    /**
     * Replaces like Go's strings.NewReplacer with the pattern keys in sorted order: at each position the
     * first key (in that order) that matches wins, and the scan continues after the replaced text.
     */
    private static Value replaceEach(BuiltinContext context, List<Value> args) {
        ObjectValue patterns = Args.object(args, 0);
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<Value, Value> entry : patterns.entries().entrySet()) {
            if (!(entry.getKey() instanceof StringValue key)) {
                throw new BuiltinException(ErrorCode.EVAL_TYPE, "operand 1 non-string key found in pattern object", false);
            }
            if (!(entry.getValue() instanceof StringValue replacement)) {
                throw new BuiltinException(ErrorCode.EVAL_TYPE, "operand 1 non-string value found in pattern object", false);
            }
            pairs.add(new String[] {key.value(), replacement.value()});
        }
        return StringValue.of(replacePairs(Args.string(args, 1), pairs));
    }

    /** Replaces the keys of pairs in text; an empty key inserts its value wherever no earlier key matches. */
    static String replacePairs(String text, List<String[]> pairs) {
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        while (position <= text.length()) {
            String[] match = null;
            for (String[] pair : pairs) {
                if (text.startsWith(pair[0], position)) {
                    match = pair;
                    break;
                }
            }
            if (match != null && !match[0].isEmpty()) {
                out.append(match[1]);
                position += match[0].length();
                continue;
            }
            if (match != null) {
                out.append(match[1]);
            }
            if (position == text.length()) {
                break;
            }
            int next = text.offsetByCodePoints(position, 1);
            out.append(text, position, next);
            position = next;
        }
        return out.toString();
    }
}
