package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.nio.charset.StandardCharsets;

/** A compact JWS split into its decoded parts; a JWE or a malformed token raises OPA's error text. */
record JwtToken(ObjectValue header, byte[] payload, byte[] signature, String signingInput) {

    static JwtToken parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw BuiltinException.failure("encoded JWT must have 3 sections, found " + parts.length);
        }
        byte[] headerBytes = section(parts[0], "header");
        Value header = json(headerBytes, "header");
        if (!(header instanceof ObjectValue headerObject)) {
            throw BuiltinException.failure("JWT header is not a JSON object");
        }
        if (headerObject.get("enc") != null) {
            throw BuiltinException.failure("JWT is a JWE object, which is not supported");
        }
        byte[] payload = section(parts[1], "payload");
        byte[] signature = section(parts[2], "signature");
        return new JwtToken(headerObject, payload, signature, parts[0] + "." + parts[1]);
    }

    private static byte[] section(String text, String name) {
        try {
            return Base64Text.decodeRawUrl(JwkKeys.stripPadding(text));
        } catch (BuiltinException e) {
            throw BuiltinException.failure("JWT " + name + " had invalid encoding: " + e.getMessage());
        }
    }

    static Value json(byte[] bytes, String name) {
        try {
            return ValueJson.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failure("JWT " + name + " is not valid JSON: " + e.getMessage());
        }
    }

    /** True when the header marks the payload as another JWT ({@code "cty": "JWT"}). */
    boolean nested() {
        return header.get("cty") instanceof StringValue cty && cty.value().equalsIgnoreCase("JWT");
    }

    /** Returns the nested token that a {@code cty: JWT} payload carries, as a JSON string or as plain text. */
    String nestedToken() {
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\"") && json(payload, "payload") instanceof StringValue s) {
            return s.value();
        }
        return text;
    }

    Value payloadValue() {
        return json(payload, "payload");
    }
}
