package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.StringValue;

import java.util.function.IntPredicate;

/**
 * The trim functions of the strings family. A cutset is a set of code points, as in Go's
 * strings.Trim; trim_prefix and trim_suffix remove a whole string once.
 */
public final class StringTrimBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "strings";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(cutset("trim", "Removes the leading and trailing code points that are in cutset."),
                (context, args) -> StringValue.of(trim(Args.string(args, 0), inCutset(Args.string(args, 1)), true, true)));
        registry.register(cutset("trim_left", "Removes the leading code points that are in cutset."),
                (context, args) -> StringValue.of(trim(Args.string(args, 0), inCutset(Args.string(args, 1)), true, false)));
        registry.register(cutset("trim_right", "Removes the trailing code points that are in cutset."),
                (context, args) -> StringValue.of(trim(Args.string(args, 0), inCutset(Args.string(args, 1)), false, true)));
        registry.register(function("trim_prefix", CATEGORY, "Removes prefix from the start of value when it is there.",
                        Types.STRING, arg("value", Types.STRING), arg("prefix", Types.STRING)),
                (context, args) -> {
                    String value = Args.string(args, 0);
                    String prefix = Args.string(args, 1);
                    return StringValue.of(value.startsWith(prefix) ? value.substring(prefix.length()) : value);
                });
        registry.register(function("trim_suffix", CATEGORY, "Removes suffix from the end of value when it is there.",
                        Types.STRING, arg("value", Types.STRING), arg("suffix", Types.STRING)),
                (context, args) -> {
                    String value = Args.string(args, 0);
                    String suffix = Args.string(args, 1);
                    return StringValue.of(value.endsWith(suffix) ? value.substring(0, value.length() - suffix.length()) : value);
                });
        registry.register(function("trim_space", CATEGORY, "Removes leading and trailing white space, as Unicode defines it.",
                        Types.STRING, arg("value", Types.STRING)),
                (context, args) -> StringValue.of(trim(Args.string(args, 0), StringTrimBuiltins::isSpace, true, true)));
    }

    private static BuiltinDecl cutset(String name, String description) {
        return function(name, CATEGORY, description, Types.STRING, arg("value", Types.STRING), arg("cutset", Types.STRING));
    }

    private static IntPredicate inCutset(String cutset) {
        return codePoint -> cutset.indexOf(codePoint) >= 0;
    }

    static String trim(String value, IntPredicate remove, boolean left, boolean right) {
        int start = 0;
        int end = value.length();
        while (left && start < end && remove.test(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (right && end > start && remove.test(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** Returns whether the code point is white space as Go's unicode.IsSpace defines it. */
    static boolean isSpace(int codePoint) {
        switch (codePoint) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return codePoint >= 0x2000 && codePoint <= 0x200A;
        }
    }
}
