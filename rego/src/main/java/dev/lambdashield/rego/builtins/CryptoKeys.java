package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Private and public keys: reading PKCS#1, PKCS#8 and SEC 1 encodings, and writing keys as JWK objects. */
final class CryptoKeys {

    private static final Map<String, String> CURVE_BY_OID = Map.of(
            "1.2.840.10045.3.1.7", "secp256r1",
            "1.3.132.0.34", "secp384r1",
            "1.3.132.0.35", "secp521r1");
    private static final Map<Integer, String> JWK_CURVE_BY_BITS = Map.of(256, "P-256", 384, "P-384", 521, "P-521");

    private CryptoKeys() {
    }

    /** Reads a private key from a PEM block of type {@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY} or {@code PRIVATE KEY}. */
    static PrivateKey privateKey(Pem.Block block) throws GeneralSecurityException {
        try {
            return switch (block.type()) {
                case "RSA PRIVATE KEY" -> rsaFromPkcs1(block.bytes());
                case "EC PRIVATE KEY" -> ecFromSec1(block.bytes());
                default -> fromPkcs8(block.bytes());
            };
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("malformed private key: " + e.getMessage(), e);
        }
    }

    static PrivateKey fromPkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // Try the next algorithm: PKCS#8 names its algorithm inside, and only the matching factory accepts it.
            }
        }
        throw new GeneralSecurityException("unsupported or malformed PKCS#8 private key");
    }

    static RSAPrivateCrtKey rsaFromPkcs1(byte[] der) throws GeneralSecurityException {
        List<Der.Element> fields = Der.read(der).children();
        if (fields.size() < 9) {
            throw new GeneralSecurityException("malformed PKCS#1 RSA private key");
        }
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(fields.get(1).integer(), fields.get(2).integer(),
                fields.get(3).integer(), fields.get(4).integer(), fields.get(5).integer(), fields.get(6).integer(),
                fields.get(7).integer(), fields.get(8).integer());
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
    }

    static ECPrivateKey ecFromSec1(byte[] der) throws GeneralSecurityException {
        List<Der.Element> fields = Der.read(der).children();
        BigInteger secret = new BigInteger(1, fields.get(1).content());
        String curve = null;
        for (Der.Element field : fields) {
            if (field.tag() == 0xa0) {
                curve = CURVE_BY_OID.get(oid(Der.read(field.content()).content()));
            }
        }
        if (curve == null) {
            throw new GeneralSecurityException("EC private key names no supported curve");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(secret, spec));
    }

    /** Decodes an ASN.1 OBJECT IDENTIFIER's content into dotted form. */
    static String oid(byte[] content) {
        StringBuilder out = new StringBuilder();
        long value = 0;
        for (int i = 0; i < content.length; i++) {
            value = value << 7 | content[i] & 0x7f;
            if ((content[i] & 0x80) == 0) {
                if (out.length() == 0) {
                    int first = (int) Math.min(value / 40, 2);
                    out.append(first).append('.').append(value - first * 40L);
                } else {
                    out.append('.').append(value);
                }
                value = 0;
            }
        }
        return out.toString();
    }

    /** Writes a private key as a JWK object, with the members Go's JOSE libraries write. */
    static ObjectValue privateJwk(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return ObjectValue.builder()
                    .put("kty", StringValue.of("RSA"))
                    .put("n", b64(rsa.getModulus()))
                    .put("e", b64(rsa.getPublicExponent()))
                    .put("d", b64(rsa.getPrivateExponent()))
                    .put("p", b64(rsa.getPrimeP()))
                    .put("q", b64(rsa.getPrimeQ()))
                    .put("dp", b64(rsa.getPrimeExponentP()))
                    .put("dq", b64(rsa.getPrimeExponentQ()))
                    .put("qi", b64(rsa.getCrtCoefficient()))
                    .build();
        }
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return ObjectValue.builder()
                    .put("kty", StringValue.of("EC"))
                    .put("crv", StringValue.of(JWK_CURVE_BY_BITS.getOrDefault(bits, "P-" + bits)))
                    .put("d", b64(ec.getS(), (bits + 7) / 8))
                    .build();
        }
        return ObjectValue.builder().put("kty", StringValue.of(key.getAlgorithm())).build();
    }

    /** Writes a public key as a JWK object. */
    static ObjectValue publicJwk(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return ObjectValue.builder()
                    .put("kty", StringValue.of("RSA"))
                    .put("n", b64(rsa.getModulus()))
                    .put("e", b64(rsa.getPublicExponent()))
                    .build();
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            int size = (bits + 7) / 8;
            return ObjectValue.builder()
                    .put("kty", StringValue.of("EC"))
                    .put("crv", StringValue.of(JWK_CURVE_BY_BITS.getOrDefault(bits, "P-" + bits)))
                    .put("x", b64(ec.getW().getAffineX(), size))
                    .put("y", b64(ec.getW().getAffineY(), size))
                    .build();
        }
        return ObjectValue.builder().put("kty", StringValue.of(key.getAlgorithm())).build();
    }

    private static StringValue b64(BigInteger value) {
        return b64(value, 0);
    }

    /** Encodes an unsigned big-endian integer as unpadded base64url, left-padded with zeros to {@code size} bytes. */
    static StringValue b64(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < size) {
            byte[] padded = new byte[size];
            System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
            bytes = padded;
        }
        return StringValue.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
