package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keys for the JWT built-ins: JWKs and JWK sets (RFC 7517), and PEM certificates and public keys. */
final class JwkKeys {

    /** A key read from a JWK: its type ({@code RSA}, {@code EC}, {@code oct}) and the JDK key or secret. */
    record Jwk(String type, PublicKey publicKey, PrivateKey privateKey, byte[] secret) {
    }

    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    private JwkKeys() {
    }

    /** Reads verification keys from PEM (a certificate or public key) or from a JWK or JWK set in JSON. */
    static List<Jwk> verificationKeys(String text) {
        if (text.startsWith("-----BEGIN")) {
            return List.of(pemKey(text));
        }
        Value json;
        try {
            json = ValueJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failure("failed to parse a JWK key (set): " + e.getMessage());
        }
        return fromJson(json);
    }

    static List<Jwk> fromJson(Value json) {
        if (!(json instanceof ObjectValue object)) {
            throw BuiltinException.failure("failed to parse a JWK key (set): not a JSON object");
        }
        List<Jwk> keys = new ArrayList<>();
        if (object.get("keys") instanceof ArrayValue set) {
            for (Value key : set.elements()) {
                keys.add(jwk(key));
            }
        } else {
            keys.add(jwk(object));
        }
        return keys;
    }

    private static Jwk pemKey(String text) {
        String trimmed = text.strip();
        List<Pem.Block> blocks = Pem.blocks(trimmed);
        if (blocks.isEmpty()) {
            throw BuiltinException.failure("failed to find a PEM certificate block");
        }
        String endMarker = "-----END " + blocks.get(0).type() + "-----";
        if (!trimmed.substring(trimmed.indexOf(endMarker) + endMarker.length()).isBlank()) {
            throw BuiltinException.failure("extra data after a PEM certificate block");
        }
        Pem.Block block = blocks.get(0);
        try {
            PublicKey key = switch (block.type()) {
                case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.bytes())).getPublicKey();
                case "RSA PUBLIC KEY" -> rsaPkcs1PublicKey(block.bytes());
                default -> publicKey(block.bytes());
            };
            return new Jwk(key.getAlgorithm().equals("EC") ? "EC" : "RSA", key, null, null);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw BuiltinException.failure("failed to extract a Key from the PEM certificate");
        }
    }

    private static PublicKey rsaPkcs1PublicKey(byte[] der) throws GeneralSecurityException {
        List<Der.Element> fields = Der.read(der).children();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(fields.get(0).integer(), fields.get(1).integer()));
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // The encoding names its algorithm, so only the matching factory accepts it.
            }
        }
        throw new GeneralSecurityException("unsupported public key");
    }

    /** Reads one JWK object. */
    static Jwk jwk(Value value) {
        if (!(value instanceof ObjectValue key) || !(key.get("kty") instanceof StringValue kty)) {
            throw BuiltinException.failure("failed to parse a JWK key (set): missing kty");
        }
        try {
            return switch (kty.value()) {
                case "RSA" -> rsa(key);
                case "EC" -> ec(key);
                case "oct" -> new Jwk("oct", null, null, bytes(key, "k"));
                default -> throw BuiltinException.failure("failed to parse a JWK key (set): unsupported kty " + kty.value());
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw BuiltinException.failure("failed to parse a JWK key (set): " + e.getMessage());
        }
    }

    private static Jwk rsa(ObjectValue key) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        BigInteger n = integer(key, "n");
        BigInteger e = integer(key, "e");
        PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(n, e));
        PrivateKey privateKey = null;
        if (key.get("d") != null) {
            privateKey = key.get("p") != null
                    ? factory.generatePrivate(new RSAPrivateCrtKeySpec(n, e, integer(key, "d"), integer(key, "p"),
                            integer(key, "q"), integer(key, "dp"), integer(key, "dq"), integer(key, "qi")))
                    : factory.generatePrivate(new RSAPrivateKeySpec(n, integer(key, "d")));
        }
        return new Jwk("RSA", publicKey, privateKey, null);
    }

    private static Jwk ec(ObjectValue key) throws GeneralSecurityException {
        String crv = key.get("crv") instanceof StringValue s ? s.value() : "";
        String curve = CURVES.get(crv);
        if (curve == null) {
            throw new GeneralSecurityException("unsupported curve " + crv);
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        KeyFactory factory = KeyFactory.getInstance("EC");
        PublicKey publicKey = null;
        if (key.get("x") != null) {
            publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(integer(key, "x"), integer(key, "y")), spec));
        }
        PrivateKey privateKey = key.get("d") == null ? null : factory.generatePrivate(new ECPrivateKeySpec(integer(key, "d"), spec));
        return new Jwk("EC", publicKey, privateKey, null);
    }

    private static BigInteger integer(ObjectValue key, String member) {
        return new BigInteger(1, bytes(key, member));
    }

    private static byte[] bytes(ObjectValue key, String member) {
        if (!(key.get(member) instanceof StringValue text)) {
            throw new IllegalArgumentException("missing member " + member);
        }
        return Base64Text.decodeRawUrl(stripPadding(text.value()));
    }

    static String stripPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return text.substring(0, end);
    }
}
