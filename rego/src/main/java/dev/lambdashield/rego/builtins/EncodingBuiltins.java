package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.BOOLEAN;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.anyOf;
import static dev.lambdashield.rego.types.Types.arrayOf;
import static dev.lambdashield.rego.types.Types.objectOf;
import static dev.lambdashield.rego.types.Types.setOf;

/** Serialization built-ins: JSON and YAML text, base64, hex and URL query encoding. */
public final class EncodingBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "encoding";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("json.marshal", CATEGORY, "Serializes the input term to JSON.",
                STRING, arg("x", ANY)), EncodingBuiltins::jsonMarshal);
        registry.register(function("json.marshal_with_options", CATEGORY,
                "Serializes the input term to JSON with the options pretty, indent and prefix.",
                STRING, arg("x", ANY), arg("opts", objectOf(STRING, ANY))), EncodingBuiltins::jsonMarshalWithOptions);
        registry.register(function("json.unmarshal", CATEGORY, "Deserializes the input string.",
                ANY, arg("x", STRING)), EncodingBuiltins::jsonUnmarshal);
        registry.register(function("json.is_valid", CATEGORY, "Verifies the input string is a valid JSON document.",
                BOOLEAN, arg("x", STRING)), EncodingBuiltins::jsonIsValid);
        registry.register(function("yaml.marshal", CATEGORY, "Serializes the input term to YAML.",
                STRING, arg("x", ANY)), (context, args) -> StringValue.of(YamlCodec.marshal(args.get(0))));
        registry.register(function("yaml.unmarshal", CATEGORY, "Deserializes the input string.",
                ANY, arg("x", STRING)), (context, args) -> YamlCodec.unmarshal(Args.string(args, 0)));
        registry.register(function("yaml.is_valid", CATEGORY, "Verifies the input string is a valid YAML document.",
                BOOLEAN, arg("x", STRING)), EncodingBuiltins::yamlIsValid);
        registry.register(function("base64.encode", CATEGORY, "Serializes the input string into base64 encoding.",
                STRING, arg("x", STRING)), (context, args) -> encode(Base64.getEncoder(), args));
        registry.register(function("base64.decode", CATEGORY, "Deserializes the base64 encoded input string.",
                STRING, arg("x", STRING)), EncodingBuiltins::base64Decode);
        registry.register(function("base64.is_valid", CATEGORY, "Verifies the input string is base64 encoded.",
                BOOLEAN, arg("x", STRING)), EncodingBuiltins::base64IsValid);
        registry.register(function("base64url.encode", CATEGORY, "Serializes the input string into base64url encoding.",
                STRING, arg("x", STRING)), (context, args) -> encode(Base64.getUrlEncoder(), args));
        registry.register(function("base64url.encode_no_pad", CATEGORY,
                "Serializes the input string into base64url encoding without padding.",
                STRING, arg("x", STRING)), (context, args) -> encode(Base64.getUrlEncoder().withoutPadding(), args));
        registry.register(function("base64url.decode", CATEGORY, "Deserializes the base64url encoded input string.",
                STRING, arg("x", STRING)), EncodingBuiltins::base64UrlDecode);
        registry.register(function("hex.encode", CATEGORY, "Serializes the input string using hex-encoding.",
                STRING, arg("x", STRING)), EncodingBuiltins::hexEncode);
        registry.register(function("hex.decode", CATEGORY, "Deserializes the hex-encoded input string.",
                STRING, arg("x", STRING)), EncodingBuiltins::hexDecode);
        registry.register(function("urlquery.encode", CATEGORY, "Encodes the input string into a URL-encoded query string.",
                STRING, arg("x", STRING)), (context, args) -> StringValue.of(UrlQuery.escape(Args.string(args, 0))));
        registry.register(function("urlquery.decode", CATEGORY, "Decodes a URL-encoded input string.",
                STRING, arg("x", STRING)), (context, args) -> StringValue.of(UrlQuery.unescape(Args.string(args, 0))));
        registry.register(function("urlquery.encode_object", CATEGORY, "Encodes the given object into a URL-encoded query string.",
                STRING, arg("object", objectOf(STRING, anyOf(STRING, arrayOf(STRING), setOf(STRING))))),
                EncodingBuiltins::urlqueryEncodeObject);
        registry.register(function("urlquery.decode_object", CATEGORY, "Decodes the given URL query string into an object.",
                objectOf(STRING, arrayOf(STRING)), arg("x", STRING)), EncodingBuiltins::urlqueryDecodeObject);
    }

    private static Value jsonMarshal(BuiltinContext context, List<Value> args) {
        return StringValue.of(GoJson.marshal(args.get(0)));
    }

    private static Value jsonMarshalWithOptions(BuiltinContext context, List<Value> args) {
        ObjectValue options = Args.object(args, 1);
        Boolean pretty = null;
        String indent = null;
        String prefix = null;
        for (Map.Entry<Value, Value> option : options.entries().entrySet()) {
            String key = option.getKey() instanceof StringValue s ? s.value() : option.getKey().toString();
            Value value = option.getValue();
            switch (key) {
                case "pretty" -> pretty = optionOfType(value, BooleanValue.class, key, "boolean").value();
                case "indent" -> indent = optionOfType(value, StringValue.class, key, "string").value();
                case "prefix" -> prefix = optionOfType(value, StringValue.class, key, "string").value();
                default -> throw BuiltinException.failure("object contained unknown key " + ValueJson.quote(key)
                        + ", expected one of pretty, indent, prefix");
            }
        }
        boolean formatted = pretty != null ? pretty : indent != null || prefix != null;
        if (!formatted) {
            return StringValue.of(GoJson.marshal(args.get(0)));
        }
        return StringValue.of(GoJson.marshalIndent(args.get(0), prefix == null ? "" : prefix, indent == null ? "\t" : indent));
    }

    private static <T extends Value> T optionOfType(Value value, Class<T> type, String key, String typeName) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw BuiltinException.failure("option " + ValueJson.quote(key) + " must be a " + typeName + " but got " + value.typeName());
    }

    private static Value jsonUnmarshal(BuiltinContext context, List<Value> args) {
        String text = Args.string(args, 0);
        try {
            return ValueJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failure("invalid JSON: " + e.getMessage());
        }
    }

    private static Value jsonIsValid(BuiltinContext context, List<Value> args) {
        if (!(args.get(0) instanceof StringValue s)) {
            return BooleanValue.FALSE;
        }
        try {
            ValueJson.parse(s.value());
            return BooleanValue.TRUE;
        } catch (IllegalArgumentException e) {
            return BooleanValue.FALSE;
        }
    }

    private static Value yamlIsValid(BuiltinContext context, List<Value> args) {
        if (!(args.get(0) instanceof StringValue s)) {
            return BooleanValue.FALSE;
        }
        try {
            YamlCodec.unmarshal(s.value());
            return BooleanValue.TRUE;
        } catch (BuiltinException e) {
            return BooleanValue.FALSE;
        }
    }

    private static Value encode(Base64.Encoder encoder, List<Value> args) {
        return StringValue.of(encoder.encodeToString(Args.string(args, 0).getBytes(StandardCharsets.UTF_8)));
    }

    private static Value base64Decode(BuiltinContext context, List<Value> args) {
        return StringValue.of(new String(Base64Text.decodeStd(Args.string(args, 0)), StandardCharsets.UTF_8));
    }

    private static Value base64IsValid(BuiltinContext context, List<Value> args) {
        try {
            Base64Text.decodeStd(Args.string(args, 0));
            return BooleanValue.TRUE;
        } catch (BuiltinException e) {
            return BooleanValue.FALSE;
        }
    }

    private static Value base64UrlDecode(BuiltinContext context, List<Value> args) {
        return StringValue.of(new String(Base64Text.decodeUrl(Args.string(args, 0)), StandardCharsets.UTF_8));
    }

    private static Value hexEncode(BuiltinContext context, List<Value> args) {
        byte[] bytes = Args.string(args, 0).getBytes(StandardCharsets.UTF_8);
        return StringValue.of(java.util.HexFormat.of().formatHex(bytes));
    }

    private static Value hexDecode(BuiltinContext context, List<Value> args) {
        String text = Args.string(args, 0);
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i + 1 < text.length(); i += 2) {
            bytes[i / 2] = (byte) (hexDigit(text, i) << 4 | hexDigit(text, i + 1));
        }
        if (text.length() % 2 != 0) {
            hexDigit(text, text.length() - 1);
            throw BuiltinException.failure("encoding/hex: odd length hex string");
        }
        return StringValue.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static int hexDigit(String text, int index) {
        int digit = Character.digit(text.charAt(index), 16);
        if (digit < 0 || text.charAt(index) > 0x7f) {
            int codePoint = text.codePointAt(index);
            throw BuiltinException.failure(String.format("encoding/hex: invalid byte: U+%04X %s",
                    codePoint, ValueJson.quote(new String(Character.toChars(codePoint))).replace('"', '\'')));
        }
        return digit;
    }

    private static Value urlqueryEncodeObject(BuiltinContext context, List<Value> args) {
        ObjectValue object = Args.object(args, 0);
        Map<String, List<String>> query = new TreeMap<>();
        for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
            if (!(entry.getKey() instanceof StringValue key)) {
                throw Args.wrongType(args, 0, "object[string: any<string, array[string], set[string]>]");
            }
            query.put(key.value(), queryValues(entry.getValue(), args));
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            for (String value : entry.getValue()) {
                pairs.add(UrlQuery.escape(entry.getKey()) + "=" + UrlQuery.escape(value));
            }
        }
        return StringValue.of(String.join("&", pairs));
    }

    private static List<String> queryValues(Value value, List<Value> args) {
        List<String> values = new ArrayList<>();
        if (value instanceof StringValue s) {
            values.add(s.value());
            return values;
        }
        Iterable<Value> elements;
        if (value instanceof ArrayValue a) {
            elements = a.elements();
        } else if (value instanceof SetValue s) {
            elements = s.elements();
        } else {
            throw BuiltinException.failure("encode_object: value must be a string, array or set of strings but got " + value.typeName());
        }
        for (Value element : elements) {
            if (!(element instanceof StringValue s)) {
                throw BuiltinException.failure("encode_object: array and set elements must be strings but got " + element.typeName());
            }
            values.add(s.value());
        }
        return values;
    }

    private static Value urlqueryDecodeObject(BuiltinContext context, List<Value> args) {
        Map<String, List<Value>> query = new LinkedHashMap<>();
        for (String pair : Args.string(args, 0).split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (pair.contains(";")) {
                throw BuiltinException.failure("invalid semicolon separator in query");
            }
            int equals = pair.indexOf('=');
            String key = UrlQuery.unescape(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : UrlQuery.unescape(pair.substring(equals + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(StringValue.of(value));
        }
        ObjectValue.Builder result = ObjectValue.builder();
        for (Map.Entry<String, List<Value>> entry : query.entrySet()) {
            result.put(entry.getKey(), ArrayValue.of(entry.getValue()));
        }
        return result.build();
    }
}
