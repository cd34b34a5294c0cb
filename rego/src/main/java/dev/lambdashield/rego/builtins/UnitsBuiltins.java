package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;

import dev.lambdashield.rego.types.Types;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parsing of amounts with SI and binary suffixes: units.parse ("1.5Ki", "100m") and
 * units.parse_bytes ("10KB", "2MiB"). Quotes are removed and spaces rejected, as OPA does.
 */
public final class UnitsBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "units";
    private static final BigDecimal KILO = BigDecimal.valueOf(1000);
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

    /** units.parse suffixes after normalisation (first letter kept, the rest lower case), so "m" is milli and "M" mega. */
    private static final Map<String, BigDecimal> UNIT_FACTORS = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("m", BigDecimal.ONE.divide(KILO)),
            Map.entry("k", KILO), Map.entry("K", KILO),
            Map.entry("M", KILO.pow(2)),
            Map.entry("g", KILO.pow(3)), Map.entry("G", KILO.pow(3)),
            Map.entry("t", KILO.pow(4)), Map.entry("T", KILO.pow(4)),
            Map.entry("p", KILO.pow(5)), Map.entry("P", KILO.pow(5)),
            Map.entry("e", KILO.pow(6)), Map.entry("E", KILO.pow(6)),
            Map.entry("ki", KIBI), Map.entry("Ki", KIBI),
            Map.entry("mi", KIBI.pow(2)), Map.entry("Mi", KIBI.pow(2)),
            Map.entry("gi", KIBI.pow(3)), Map.entry("Gi", KIBI.pow(3)),
            Map.entry("ti", KIBI.pow(4)), Map.entry("Ti", KIBI.pow(4)),
            Map.entry("pi", KIBI.pow(5)), Map.entry("Pi", KIBI.pow(5)),
            Map.entry("ei", KIBI.pow(6)), Map.entry("Ei", KIBI.pow(6)));

    /** units.parse_bytes suffixes, matched in lower case. */
    private static final Map<String, BigDecimal> BYTE_FACTORS = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("k", KILO), Map.entry("kb", KILO), Map.entry("ki", KIBI), Map.entry("kib", KIBI),
            Map.entry("m", KILO.pow(2)), Map.entry("mb", KILO.pow(2)), Map.entry("mi", KIBI.pow(2)), Map.entry("mib", KIBI.pow(2)),
            Map.entry("g", KILO.pow(3)), Map.entry("gb", KILO.pow(3)), Map.entry("gi", KIBI.pow(3)), Map.entry("gib", KIBI.pow(3)),
            Map.entry("t", KILO.pow(4)), Map.entry("tb", KILO.pow(4)), Map.entry("ti", KIBI.pow(4)), Map.entry("tib", KIBI.pow(4)),
            Map.entry("p", KILO.pow(5)), Map.entry("pb", KILO.pow(5)), Map.entry("pi", KIBI.pow(5)), Map.entry("pib", KIBI.pow(5)),
            Map.entry("e", KILO.pow(6)), Map.entry("eb", KILO.pow(6)), Map.entry("ei", KIBI.pow(6)), Map.entry("eib", KIBI.pow(6)));

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("units.parse", CATEGORY,
                        "Converts an amount with an SI or binary suffix (m, k, M, Ki, Mi, ...) to a number.",
                        Types.NUMBER, arg("x", Types.STRING)),
                UnitsBuiltins::parse);
        registry.register(function("units.parse_bytes", CATEGORY,
                        "Converts a byte amount with a suffix (KB, MiB, G, ...) to an integer number of bytes.",
                        Types.NUMBER, arg("x", Types.STRING)),
                UnitsBuiltins::parseBytes);
    }

    private static Value parse(BuiltinContext context, List<Value> args) {
        String[] parts = split(Args.string(args, 0), "no amount provided");
        String unit = parts[1].length() > 1
                ? parts[1].charAt(0) + parts[1].substring(1).toLowerCase(Locale.ROOT)
                : parts[1];
        BigDecimal factor = UNIT_FACTORS.get(unit);
        if (factor == null) {
            throw BuiltinException.failure("unit " + unit + " not recognized");
        }
        BigDecimal amount = amount(parts[0], "could not parse amount to a number");
        return Operands.number(amount.multiply(factor));
    }

    private static Value parseBytes(BuiltinContext context, List<Value> args) {
        String[] parts = split(Args.string(args, 0).toLowerCase(Locale.ROOT), "no byte amount provided");
        BigDecimal factor = BYTE_FACTORS.get(parts[1]);
        if (factor == null) {
            throw BuiltinException.failure("byte unit " + parts[1] + " not recognized");
        }
        BigDecimal amount = amount(parts[0], "could not parse byte amount to a number");
        return NumberValue.of(amount.multiply(factor).setScale(0, RoundingMode.DOWN).toBigIntegerExact());
    }

    /** Splits "12.5Ki" into the number and the suffix, after removing quotes and rejecting spaces. */
    private static String[] split(String raw, String noAmountMessage) {
        String text = raw.replace("\"", "");
        if (text.contains(" ")) {
            throw BuiltinException.failure("spaces not allowed in resource strings");
        }
        int end = 0;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        if (end == 0) {
            throw BuiltinException.failure(noAmountMessage);
        }
        return new String[] {text.substring(0, end), text.substring(end)};
    }

    private static BigDecimal amount(String digits, String message) {
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw BuiltinException.failure(message);
        }
    }
}
