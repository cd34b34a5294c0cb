package dev.lambdashield.rego.builtins;

import com.google.re2j.Pattern;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * regex.template_match: a template such as {@code urn:foo:{.*}} is literal text with regular
 * expressions between the delimiters; the value must match the whole template.
 */
final class RegexTemplate {

    private RegexTemplate() {
    }

    static Value match(BuiltinContext context, List<Value> args) {
        String template = Args.string(args, 0);
        String value = Args.string(args, 1);
        String start = Args.string(args, 2);
        String end = Args.string(args, 3);
        if (start.length() != 1) {
            throw BuiltinException.failure("start delimiter has to be exactly one character long but is "
                    + start.length() + " long");
        }
        if (end.length() != 1) {
            throw BuiltinException.failure("end delimiter has to be exactly one character long but is "
                    + end.length() + " long");
        }
        Pattern pattern = RegexCache.compile(toRegex(template, start.charAt(0), end.charAt(0)));
        return BooleanValue.of(pattern.matcher(value).find());
    }

    /** Translates the template into an anchored regular expression, quoting the literal text. */
    static String toRegex(String template, char start, char end) {
        List<int[]> sections = delimitedSections(template, start, end);
        StringBuilder regex = new StringBuilder("^");
        int literalStart = 0;
        for (int[] section : sections) {
            regex.append(Pattern.quote(template.substring(literalStart, section[0])));
            String inner = template.substring(section[0] + 1, section[1] - 1);
            RegexCache.compile("^" + inner + "$");
            regex.append('(').append(inner).append(')');
            literalStart = section[1];
        }
        regex.append(Pattern.quote(template.substring(literalStart))).append('$');
        return regex.toString();
    }

    /** Returns {start, end} (end exclusive) of each outermost delimited section; unbalanced delimiters are an error. */
    private static List<int[]> delimitedSections(String template, char start, char end) {
        List<int[]> sections = new ArrayList<>();
        int level = 0;
        int sectionStart = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == start) {
                if (++level == 1) {
                    sectionStart = i;
                }
            } else if (c == end) {
                if (--level == 0) {
                    sections.add(new int[] {sectionStart, i + 1});
                } else if (level < 0) {
                    throw unbalanced(template);
                }
            }
        }
        if (level != 0) {
            throw unbalanced(template);
        }
        return sections;
    }

    private static BuiltinException unbalanced(String template) {
        return BuiltinException.failure("unbalanced braces in " + GoQuote.quote(template, false));
    }
}
