package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic Versioning 2.0.0: validity and precedence; build metadata is ignored when comparing. */
public final class SemverBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "semver";
    private static final String NUMERIC = "(0|[1-9]\\d*)";
    private static final String PRERELEASE_ID = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern SEMVER = Pattern.compile(NUMERIC + "\\." + NUMERIC + "\\." + NUMERIC
            + "(?:-(" + PRERELEASE_ID + "(?:\\." + PRERELEASE_ID + ")*))?"
            + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("semver.is_valid", CATEGORY,
                        "Returns whether x is a valid SemVer 2.0.0 version string; false for other types.",
                        Types.BOOLEAN, arg("vsn", Types.ANY)),
                (context, args) -> BooleanValue.of(args.get(0) instanceof StringValue s && parse(s.value()).isPresent()));
        registry.register(function("semver.compare", CATEGORY,
                        "Compares two SemVer versions: -1 when a precedes b, 0 when equal, 1 when a follows b.",
                        Types.NUMBER, arg("a", Types.STRING), arg("b", Types.STRING)),
                SemverBuiltins::compare);
    }

    /** A parsed version; the pre-release is empty for a release. */
    record Version(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease) {
    }

    static Optional<Version> parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> prerelease = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new Version(new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                new BigInteger(m.group(3)), prerelease));
    }

    private static Value compare(BuiltinContext context, List<Value> args) {
        Version a = version(args, 0);
        Version b = version(args, 1);
        return NumberValue.of(Integer.signum(compare(a, b)));
    }

    private static Version version(List<Value> args, int index) {
        String text = Args.string(args, index);
        return parse(text).orElseThrow(() -> BuiltinException.failure(
                "operand " + (index + 1) + ": string " + quote(text) + " is not a valid SemVer"));
    }

    private static String quote(String text) {
        return ValueJson.quote(text);
    }

    static int compare(Version a, Version b) {
        int c = a.major().compareTo(b.major());
        if (c == 0) {
            c = a.minor().compareTo(b.minor());
        }
        if (c == 0) {
            c = a.patch().compareTo(b.patch());
        }
        if (c != 0) {
            return c;
        }
        return comparePrerelease(a.prerelease(), b.prerelease());
    }

    /**
     * Compares pre-release identifiers. A release follows its pre-releases, and identifiers compare
     * numerically when both are numbers, else by ASCII order.
     */
    private static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
