package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.BOOLEAN;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.arrayOf;
import static dev.lambdashield.rego.types.Types.objectOf;

/** JSON Web Token built-ins: decoding, signature verification, verification with claims, and signing. */
public final class JwtBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "tokens";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("io.jwt.decode", CATEGORY, "Decodes a JSON Web Token and outputs it as an object.",
                arrayOf(ANY), arg("jwt", STRING)), JwtBuiltins::decode);
        registry.register(function("io.jwt.decode_verify", CATEGORY,
                "Verifies a JWT signature under parameterized constraints and decodes the claims if it is valid.",
                arrayOf(ANY), arg("jwt", STRING), arg("constraints", objectOf(STRING, ANY))).nondeterministic(),
                JwtClaims::decodeVerify);
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            String keyName = algorithm.isHmac() ? "secret" : "certificate";
            registry.register(function("io.jwt.verify_" + algorithm.lowerName(), CATEGORY,
                    "Verifies if a " + algorithm.name() + " JWT signature is valid.",
                    BOOLEAN, arg("jwt", STRING), arg(keyName, STRING)), (context, args) -> verify(algorithm, args));
        }
        registry.register(function("io.jwt.encode_sign", CATEGORY,
                "Encodes and optionally signs a JSON Web Token. Inputs are taken as objects, not encoded strings.",
                STRING, arg("headers", objectOf(STRING, ANY)), arg("payload", objectOf(STRING, ANY)), arg("key", objectOf(STRING, ANY)))
                .nondeterministic(), JwtBuiltins::encodeSign);
        registry.register(function("io.jwt.encode_sign_raw", CATEGORY,
                "Encodes and optionally signs a JSON Web Token from JSON text.",
                STRING, arg("headers", STRING), arg("payload", STRING), arg("key", STRING)).nondeterministic(),
                JwtBuiltins::encodeSignRaw);
    }

    private static Value decode(BuiltinContext context, List<Value> args) {
        JwtToken token = JwtToken.parse(Args.string(args, 0));
        while (token.nested()) {
            token = JwtToken.parse(token.nestedToken());
        }
        Value payload = token.payloadValue();
        if (!(payload instanceof ObjectValue)) {
            throw BuiltinException.failure("JWT payload is not a JSON object");
        }
        return ArrayValue.of(token.header(), payload, StringValue.of(HexFormat.of().formatHex(token.signature())));
    }

    private static Value verify(JwsAlgorithm algorithm, List<Value> args) {
        JwtToken token = JwtToken.parse(Args.string(args, 0));
        String key = Args.string(args, 1);
        if (algorithm.isHmac()) {
            return BooleanValue.of(algorithm.verifyHmac(key.getBytes(StandardCharsets.UTF_8), token.signingInput(), token.signature()));
        }
        for (JwkKeys.Jwk jwk : JwkKeys.verificationKeys(key)) {
            if (jwk.publicKey() != null && algorithm.verify(jwk.publicKey(), token.signingInput(), token.signature())) {
                return BooleanValue.TRUE;
            }
        }
        return BooleanValue.FALSE;
    }

    private static Value encodeSign(BuiltinContext context, List<Value> args) {
        ObjectValue headers = Args.object(args, 0);
        ObjectValue payload = Args.object(args, 1);
        ObjectValue key = Args.object(args, 2);
        return sign(ValueJson.toRegoText(headers), headers, ValueJson.toRegoText(payload), JwkKeys.jwk(key));
    }

    private static Value encodeSignRaw(BuiltinContext context, List<Value> args) {
        String headerText = Args.string(args, 0);
        String payloadText = Args.string(args, 1);
        Value header = parseGoStyle(headerText);
        if (!(header instanceof ObjectValue headers)) {
            throw BuiltinException.failure("json: cannot unmarshal " + header.typeName() + " into the JWT header");
        }
        if (headers.get("typ") instanceof StringValue typ && typ.value().equals("JWT")) {
            try {
                ValueJson.parse(payloadText);
            } catch (IllegalArgumentException e) {
                throw BuiltinException.failure("type is JWT but payload is not JSON");
            }
        }
        return sign(headerText, headers, payloadText, JwkKeys.fromJson(parseGoStyle(Args.string(args, 2))).get(0));
    }

    /** Parses JSON and words failures as Go's encoding/json does, since callers match on that text. */
    private static Value parseGoStyle(String text) {
        if (text.isBlank()) {
            throw BuiltinException.failure("unexpected end of JSON input");
        }
        try {
            return ValueJson.parse(text);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage();
            if (reason.contains("end-of-input")) {
                throw BuiltinException.failure("unexpected end of JSON input");
            }
            throw BuiltinException.failure("invalid character in JSON text: " + reason.lines().findFirst().orElse(""));
        }
    }

    private static Value sign(String headerText, ObjectValue headers, String payloadText, JwkKeys.Jwk key) {
        Value alg = headers.get("alg");
        if (!(alg instanceof StringValue algName)) {
            throw BuiltinException.failure("unsupported signature algorithm");
        }
        JwsAlgorithm algorithm = JwsAlgorithm.of(algName.value());
        if (algorithm == null) {
            throw BuiltinException.failure(algName.value().equals("none") ? "unsupported signature algorithm" : "unknown signature algorithm");
        }
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String signingInput = encoder.encodeToString(headerText.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payloadText.getBytes(StandardCharsets.UTF_8));
        byte[] signature;
        if (algorithm.isHmac()) {
            if (key.secret() == null) {
                throw BuiltinException.failure("the key for " + algorithm + " must be a JWK of type oct");
            }
            signature = algorithm.hmac(key.secret(), signingInput);
        } else {
            if (key.privateKey() == null || !key.type().equals(algorithm.keyType())) {
                throw BuiltinException.failure("the key for " + algorithm + " must be a private " + algorithm.keyType() + " JWK");
            }
            try {
                signature = algorithm.sign(key.privateKey(), signingInput);
            } catch (GeneralSecurityException e) {
                throw BuiltinException.failure("failed to sign the JWT: " + e.getMessage());
            }
        }
        return StringValue.of(signingInput + "." + encoder.encodeToString(signature));
    }
}
