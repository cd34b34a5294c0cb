package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Regular expressions in Go's RE2 syntax, run by re2j in linear time. {@code regex.match} searches
 * (it does not need to match the whole string). Repeated matches follow Go's FindAll rules: an
 * empty match right after a previous match is skipped.
 */
public final class RegexBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "regex";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("regex.match", CATEGORY, "Returns whether value contains a match of pattern.",
                        Types.BOOLEAN, arg("pattern", Types.STRING), arg("value", Types.STRING)),
                RegexBuiltins::match);
        registry.register(function("re_match", CATEGORY, "Returns whether value contains a match of pattern (deprecated: use regex.match).",
                        Types.BOOLEAN, arg("pattern", Types.STRING), arg("value", Types.STRING)),
                RegexBuiltins::match);
        registry.register(function("regex.is_valid", CATEGORY, "Returns whether pattern is a valid regular expression.",
                        Types.BOOLEAN, arg("pattern", Types.STRING)),
                (context, args) -> BooleanValue.of(args.get(0) instanceof StringValue s && RegexCache.isValid(s.value())));
        registry.register(function("regex.split", CATEGORY, "Splits value at every match of pattern.",
                        Types.arrayOf(Types.STRING), arg("pattern", Types.STRING), arg("value", Types.STRING)),
                RegexBuiltins::split);
        registry.register(function("regex.find_n", CATEGORY,
                        "Returns up to number matches of pattern in value; -1 returns all of them.",
                        Types.arrayOf(Types.STRING), arg("pattern", Types.STRING), arg("value", Types.STRING),
                        arg("number", Types.NUMBER)),
                RegexBuiltins::findN);
        registry.register(function("regex.find_all_string_submatch_n", CATEGORY,
                        "Returns up to number matches, each with its capture groups; -1 returns all of them.",
                        Types.arrayOf(Types.arrayOf(Types.STRING)), arg("pattern", Types.STRING),
                        arg("value", Types.STRING), arg("number", Types.NUMBER)),
                RegexBuiltins::findAllSubmatches);
        registry.register(function("regex.replace", CATEGORY,
                        "Replaces every match of pattern in s with value, expanding $1 and ${name}.",
                        Types.STRING, arg("s", Types.STRING), arg("pattern", Types.STRING), arg("value", Types.STRING)),
                RegexBuiltins::replace);
        registry.register(function("regex.template_match", CATEGORY,
                        "Returns whether value matches a template whose delimited parts are regular expressions.",
                        Types.BOOLEAN, arg("template", Types.STRING), arg("value", Types.STRING),
                        arg("delimiter_start", Types.STRING), arg("delimiter_end", Types.STRING)),
                RegexTemplate::match);
        registry.register(function("regex.globs_match", CATEGORY,
                        "Returns whether two patterns of characters, ., [...], * and + can match a common string.",
                        Types.BOOLEAN, arg("glob1", Types.STRING), arg("glob2", Types.STRING)),
                (context, args) -> BooleanValue.of(GlobIntersection.intersects(Args.string(args, 0), Args.string(args, 1))));
    }

    private static Value match(BuiltinContext context, List<Value> args) {
        Pattern pattern = RegexCache.compile(Args.string(args, 0));
        return BooleanValue.of(pattern.matcher(Args.string(args, 1)).find());
    }

    /** Returns the [start, end] pairs of up to limit matches (all when limit is negative), as Go's FindAllIndex does. */
    static List<int[]> findAll(Pattern pattern, String input, int limit) {
        List<int[]> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(input);
        int position = 0;
        int previousEnd = -1;
        while ((limit < 0 || matches.size() < limit) && position <= input.length() && matcher.find(position)) {
            int start = matcher.start();
            int end = matcher.end();
            boolean accept = true;
            if (end == start) {
                accept = start != previousEnd;
                position = end < input.length() ? input.offsetByCodePoints(end, 1) : end + 1;
            } else {
                position = end;
            }
            previousEnd = end;
            if (accept) {
                int[] groups = new int[2 * (matcher.groupCount() + 1)];
                for (int g = 0; g <= matcher.groupCount(); g++) {
                    groups[2 * g] = matcher.start(g);
                    groups[2 * g + 1] = matcher.end(g);
                }
                matches.add(groups);
            }
        }
        return matches;
    }

    private static Value split(BuiltinContext context, List<Value> args) {
        Pattern pattern = RegexCache.compile(Args.string(args, 0));
        String input = Args.string(args, 1);
        List<Value> parts = new ArrayList<>();
        if (input.isEmpty() && !pattern.pattern().isEmpty()) {
            return ArrayValue.of(StringValue.EMPTY);
        }
        int begin = 0;
        int end = 0;
        for (int[] match : findAll(pattern, input, -1)) {
            end = match[0];
            if (match[1] != 0) {
                parts.add(StringValue.of(input.substring(begin, end)));
            }
            begin = match[1];
        }
        if (end != input.length()) {
            parts.add(StringValue.of(input.substring(begin)));
        }
        return ArrayValue.of(parts);
    }

    private static int limit(List<Value> args, int index) {
        BigInteger limit = Operands.integer(args, index);
        if (limit.signum() < 0) {
            return -1;
        }
        return limit.bitLength() > 31 ? Integer.MAX_VALUE : limit.intValue();
    }

    private static Value findN(BuiltinContext context, List<Value> args) {
        Pattern pattern = RegexCache.compile(Args.string(args, 0));
        String input = Args.string(args, 1);
        List<Value> found = new ArrayList<>();
        for (int[] match : findAll(pattern, input, limit(args, 2))) {
            found.add(StringValue.of(input.substring(match[0], match[1])));
        }
        return ArrayValue.of(found);
    }

    private static Value findAllSubmatches(BuiltinContext context, List<Value> args) {
        Pattern pattern = RegexCache.compile(Args.string(args, 0));
        String input = Args.string(args, 1);
        List<Value> found = new ArrayList<>();
        for (int[] match : findAll(pattern, input, limit(args, 2))) {
            List<Value> groups = new ArrayList<>();
            for (int g = 0; g < match.length; g += 2) {
                groups.add(match[g] < 0 ? StringValue.EMPTY : StringValue.of(input.substring(match[g], match[g + 1])));
            }
            found.add(ArrayValue.of(groups));
        }
        return ArrayValue.of(found);
    }

    private static Value replace(BuiltinContext context, List<Value> args) {
        String input = Args.string(args, 0);
        Pattern pattern = RegexCache.compile(Args.string(args, 1));
        String template = Args.string(args, 2);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int[] match : findAll(pattern, input, -1)) {
            out.append(input, copied, match[0]);
            GoRegexExpand.expand(out, template, input, match, pattern);
            copied = match[1];
        }
        out.append(input, copied, input.length());
        return StringValue.of(out.toString());
    }
}
