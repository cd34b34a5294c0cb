package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.objectOf;

/** UUID built-ins: random version 4 UUIDs that stay fixed within a query, and parsing into their fields. */
public final class UuidBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "uuid";
    /** 100-nanosecond intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
    private static final long GREGORIAN_TO_UNIX_100NS = 0x01B21DD213814000L;

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("uuid.rfc4122", CATEGORY,
                "Returns a new version 4 UUID; within one query the same key returns the same UUID.",
                STRING, arg("k", STRING)).nondeterministic(), UuidBuiltins::rfc4122);
        registry.register(function("uuid.parse", CATEGORY, "Parses the string value as a UUID and returns its fields.",
                objectOf(STRING, ANY), arg("uuid", STRING)), UuidBuiltins::parse);
    }

    private static Value rfc4122(BuiltinContext context, List<Value> args) {
        String key = Args.string(args, 0);
        Object cached = context.queryCache().computeIfAbsent(List.of("uuid.rfc4122", key),
                k -> StringValue.of(UUID.randomUUID().toString()));
        return (Value) cached;
    }

    private static Value parse(BuiltinContext context, List<Value> args) {
        byte[] bytes = bytesOf(Args.string(args, 0));
        if (bytes == null) {
            return null;
        }
        int version = (bytes[6] & 0xff) >> 4;
        ObjectValue.Builder fields = ObjectValue.builder()
                .put("version", NumberValue.of(version))
                .put("variant", StringValue.of(variant(bytes[8] & 0xff)));
        if (version == 1 || version == 2) {
            long timeHigh = ((bytes[6] & 0x0fL) << 8 | (bytes[7] & 0xffL)) << 48;
            long timeMid = ((bytes[4] & 0xffL) << 8 | (bytes[5] & 0xffL)) << 32;
            long timeLow = (bytes[0] & 0xffL) << 24 | (bytes[1] & 0xffL) << 16 | (bytes[2] & 0xffL) << 8 | bytes[3] & 0xffL;
            long intervals = timeHigh | timeMid | timeLow;
            BigInteger nanos = BigInteger.valueOf(intervals - GREGORIAN_TO_UNIX_100NS).multiply(BigInteger.valueOf(100));
            fields.put("time", NumberValue.of(nanos));
            fields.put("clocksequence", NumberValue.of((bytes[8] & 0x3f) << 8 | bytes[9] & 0xff));
            fields.put("nodeid", StringValue.of(HexFormat.ofDelimiter("-").formatHex(bytes, 10, 16)));
            boolean local = (bytes[10] & 0x02) != 0;
            boolean multicast = (bytes[10] & 0x01) != 0;
            fields.put("macvariables", StringValue.of((local ? "local" : "global") + ":" + (multicast ? "multicast" : "unicast")));
        }
        if (version == 2) {
            fields.put("domain", StringValue.of(domain(bytes[9] & 0xff)));
            long id = (bytes[0] & 0xffL) << 24 | (bytes[1] & 0xffL) << 16 | (bytes[2] & 0xffL) << 8 | bytes[3] & 0xffL;
            fields.put("id", NumberValue.of(id));
        }
        return fields.build();
    }

    /** Reads the forms Go's uuid.Parse accepts: hyphenated, with {@code urn:uuid:} or braces, or 32 hex digits. */
    private static byte[] bytesOf(String text) {
        String hex;
        if (text.length() == 36 + 9 && text.toLowerCase(Locale.ROOT).startsWith("urn:uuid:")) {
            hex = hyphenated(text.substring(9));
        } else if (text.length() == 38 && text.startsWith("{") && text.endsWith("}")) {
            hex = hyphenated(text.substring(1, 37));
        } else if (text.length() == 36) {
            hex = hyphenated(text);
        } else {
            hex = text.length() == 32 ? text : null;
        }
        if (hex == null || !hex.chars().allMatch(c -> c < 0x80 && Character.digit(c, 16) >= 0)) {
            return null;
        }
        return HexFormat.of().parseHex(hex);
    }

    private static String hyphenated(String text) {
        if (text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-' || text.charAt(23) != '-') {
            return null;
        }
        return text.replace("-", "").length() == 32 ? text.replace("-", "") : null;
    }

    private static String variant(int octet) {
        if ((octet & 0xc0) == 0x80) {
            return "RFC4122";
        }
        if ((octet & 0xe0) == 0xc0) {
            return "Microsoft";
        }
        if ((octet & 0xe0) == 0xe0) {
            return "Future";
        }
        return "Reserved";
    }

    private static String domain(int value) {
        return switch (value) {
            case 0 -> "Person";
            case 1 -> "Group";
            case 2 -> "Org";
            default -> "Domain" + value;
        };
    }
}
