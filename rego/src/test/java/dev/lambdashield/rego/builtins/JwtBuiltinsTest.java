package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JwtBuiltinsTest {

    /** The HMAC key of RFC 7515, appendix A.1. */
    private static final String RFC_HMAC_JWK = "{\"kty\": \"oct\", \"k\": \"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";
    /** A token signed with HS256 and the secret "secret". */
    private static final String HS256_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiYWxpY2UiLCJhenAiOiJhbGljZSIsInN1Ym9yZGluYXRlcyI6W10sImhyIjpmYWxzZX0"
            + ".rz3jTY033z-NrKfwrK89_dcLF7TN4gwCMj-fVBDyLoM";

    @Test
    void encodeSignRawMatchesRfc7515() {
        Value token = call("io.jwt.encode_sign_raw", s("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"),
                s("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"), s(RFC_HMAC_JWK));
        assertEquals(s("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
                + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), token);
    }

    @Test
    void encodeSignWritesRegoText() {
        Value token = call("io.jwt.encode_sign", v("{\"alg\": \"HS256\", \"typ\": \"JWT\"}"),
                v("{\"aud\": [\"bob\", \"saul\"], \"iss\": \"joe\"}"), v(RFC_HMAC_JWK));
        String[] parts = ((StringValue) token).value().split("\\.");
        assertEquals("{\"alg\": \"HS256\", \"typ\": \"JWT\"}", new String(java.util.Base64.getUrlDecoder().decode(parts[0])));
        ArrayValue decoded = (ArrayValue) call("io.jwt.decode", token);
        assertEquals(v("{\"aud\": [\"bob\", \"saul\"], \"iss\": \"joe\"}"), decoded.get(1));
    }

    @Test
    void decodeReturnsHeaderPayloadAndSignature() {
        ArrayValue decoded = (ArrayValue) call("io.jwt.decode", s(HS256_TOKEN));
        assertEquals(v("{\"alg\": \"HS256\", \"typ\": \"JWT\"}"), decoded.get(0));
        assertEquals(v("{\"azp\": \"alice\", \"hr\": false, \"subordinates\": [], \"user\": \"alice\"}"), decoded.get(1));
        assertEquals(s("af3de34d8d37df3f8daca7f0acaf3dfdd70b17b4cde20c02323f9f5410f22e83"), decoded.get(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXV.CJ9eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0XmVoLoHI3pxMtMO_WRONMSJzGUDP9pDjy8Jp0_tdRXY | encoded JWT must have 3 sections, found 2",
        "eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVo | JWT header had invalid encoding: illegal base64 data at input byte 13",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwia/XNzIjoib3BhIn0.XmVo | JWT payload had invalid encoding: illegal base64 data at input byte 17",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImVuYyI6ImJsYWgifQ.eyJuZXciOiJJIn0.XmVo | JWT is a JWE object, which is not supported",
    })
    void decodeErrors(String token, String message) {
        assertFails(ErrorCode.EVAL_BUILTIN, message, "io.jwt.decode", s(token));
    }

    @Test
    void verifyHmac() {
        assertEquals(BooleanValue.TRUE, call("io.jwt.verify_hs256", s(HS256_TOKEN), s("secret")));
        assertEquals(BooleanValue.FALSE, call("io.jwt.verify_hs256", s(HS256_TOKEN), s("wrong")));
        assertEquals(BooleanValue.FALSE, call("io.jwt.verify_hs512", s(HS256_TOKEN), s("secret")));
    }

    @ParameterizedTest
    @CsvSource({"RS256, RSA", "RS384, RSA", "RS512, RSA", "PS256, RSA", "PS384, RSA", "PS512, RSA",
        "ES256, secp256r1", "ES384, secp384r1", "ES512, secp521r1"})
    void signAndVerifyWithGeneratedKeys(String alg, String keyKind) throws Exception {
        KeyPair pair = keyPair(keyKind, 0);
        KeyPair other = keyPair(keyKind, 1);
        Value token = call("io.jwt.encode_sign", v("{\"alg\": \"" + alg + "\"}"), v("{\"iss\": \"lambda-shield\"}"),
                CryptoKeys.privateJwk(pair.getPrivate()));
        String verify = "io.jwt.verify_" + alg.toLowerCase(java.util.Locale.ROOT);
        String publicJwk = ValueJson.toJson(CryptoKeys.publicJwk(pair.getPublic()));
        assertEquals(BooleanValue.TRUE, call(verify, token, s(publicJwk)), alg);
        assertEquals(BooleanValue.FALSE, call(verify, token, s(ValueJson.toJson(CryptoKeys.publicJwk(other.getPublic())))), alg);
        String keySet = "{\"keys\": [" + ValueJson.toJson(CryptoKeys.publicJwk(other.getPublic())) + ", " + publicJwk + "]}";
        ArrayValue result = (ArrayValue) call("io.jwt.decode_verify", token, ObjectValue.builder().put("cert", s(keySet)).build());
        assertEquals(BooleanValue.TRUE, result.get(0), alg);
        assertEquals(v("{\"iss\": \"lambda-shield\"}"), result.get(2));
    }

    /** Two key pairs per kind, generated once because RSA key generation is slow. */
    private static final Map<String, KeyPair[]> KEY_PAIRS = new java.util.concurrent.ConcurrentHashMap<>();

    private static KeyPair keyPair(String kind, int index) {
        return KEY_PAIRS.computeIfAbsent(kind, k -> new KeyPair[] {generate(k), generate(k)})[index];
    }

    private static KeyPair generate(String kind) {
        try {
            return generateChecked(kind);
        } catch (Exception e) {
            throw new AssertionError("cannot generate a " + kind + " key pair", e);
        }
    }

    private static KeyPair generateChecked(String kind) throws Exception {
        if (kind.equals("RSA")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(kind));
        return generator.generateKeyPair();
    }

    @Test
    void verifyWithCertificatePem() {
        String leaf = CryptoBuiltinsTest.resource("leaf.pem");
        ObjectValue key = (ObjectValue) ((ArrayValue) call("crypto.parse_private_keys", s(CryptoBuiltinsTest.resource("leaf-pkcs8.key")))).get(0);
        ObjectValue jwk = ObjectValue.builder().put("kty", s("EC")).put("crv", key.get("crv")).put("d", key.get("d")).build();
        Value token = call("io.jwt.encode_sign", v("{\"alg\": \"ES256\"}"), v("{\"sub\": \"1\"}"), jwk);
        assertEquals(BooleanValue.TRUE, call("io.jwt.verify_es256", token, s(leaf)));
        assertEquals(BooleanValue.TRUE, call("io.jwt.verify_es256", token, s(leaf + "\n")));
        assertFails(ErrorCode.EVAL_BUILTIN, "extra data after a PEM certificate block", "io.jwt.verify_es256", token, s(leaf + "EXTRA"));
        String broken = leaf.replace("MII", "MIX");
        assertFails(ErrorCode.EVAL_BUILTIN, "failed to extract a Key from the PEM certificate", "io.jwt.verify_es256", token, s(broken));
        assertFails(ErrorCode.EVAL_BUILTIN, "failed to parse a JWK key (set)", "io.jwt.verify_rs256", token, s("{\"kty\": \"bogus\"}"));
    }

    @Test
    void decodeVerifyChecksClaims() {
        Value token = call("io.jwt.encode_sign", v("{\"alg\": \"HS256\", \"typ\": \"JWT\"}"),
                v("{\"iss\": \"xxx\", \"aud\": [\"fred\", \"bob\"], \"exp\": 3000.2, \"nbf\": 1000}"), v("{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}"));
        Map<String, String> cases = Map.of(
                "{\"secret\": \"secret\", \"aud\": \"bob\", \"iss\": \"xxx\", \"time\": 2000000000000.1}", "true",
                "{\"secret\": \"secret\", \"aud\": \"bob\", \"time\": 3000200000000}", "false",
                "{\"secret\": \"secret\", \"aud\": \"bob\", \"time\": 999999999999}", "false",
                "{\"secret\": \"secret\", \"aud\": \"bob\", \"time\": 1000000000000}", "true",
                "{\"secret\": \"secret\", \"time\": 2000000000000}", "false",
                "{\"secret\": \"secret\", \"aud\": \"cath\", \"time\": 2000000000000}", "false",
                "{\"secret\": \"secret\", \"aud\": \"bob\", \"iss\": \"yyy\", \"time\": 2000000000000}", "false",
                "{\"secret\": \"wrong\", \"aud\": \"bob\", \"time\": 2000000000000}", "false",
                "{\"secret\": \"secret\", \"aud\": \"bob\", \"alg\": \"RS256\", \"time\": 2000000000000}", "false");
        cases.forEach((constraints, valid) -> {
            ArrayValue result = (ArrayValue) call("io.jwt.decode_verify", token, v(constraints));
            assertEquals(BooleanValue.of(Boolean.parseBoolean(valid)), result.get(0), constraints);
            if (valid.equals("false")) {
                assertEquals(v("[false, {}, {}]"), result, constraints);
            }
        });
        assertFails(ErrorCode.EVAL_BUILTIN, "unknown token validation constraint", "io.jwt.decode_verify", token, v("{\"color\": 1}"));
    }

    @Test
    void decodeVerifyRejectsClaimsOfTheWrongType() {
        Value key = v("{\"kty\": \"oct\", \"k\": \"NDI\"}");
        Value badExp = call("io.jwt.encode_sign", v("{\"alg\": \"HS256\"}"), v("{\"exp\": null}"), key);
        assertFails(ErrorCode.EVAL_BUILTIN, "exp value must be a number", "io.jwt.decode_verify", badExp, v("{\"secret\": \"42\"}"));
        Value badNbf = call("io.jwt.encode_sign", v("{\"alg\": \"HS256\"}"), v("{\"nbf\": \"soon\"}"), key);
        assertFails(ErrorCode.EVAL_BUILTIN, "nbf value must be a number", "io.jwt.decode_verify", badNbf, v("{\"secret\": \"42\"}"));
    }

    @Test
    void encodeSignRawErrorsLikeGo() {
        String key = RFC_HMAC_JWK;
        assertFails(ErrorCode.EVAL_BUILTIN, "invalid character", "io.jwt.encode_sign_raw", s("{\"typ:\"JWT\"}"), s("{}"), s(key));
        assertFails(ErrorCode.EVAL_BUILTIN, "unexpected end of JSON input", "io.jwt.encode_sign_raw", s(""), s("{}"), s(key));
        assertFails(ErrorCode.EVAL_BUILTIN, "unknown signature algorithm", "io.jwt.encode_sign_raw", s("{\"alg\":\"dummy\"}"), s("{}"), s(key));
        assertFails(ErrorCode.EVAL_BUILTIN, "unsupported signature algorithm", "io.jwt.encode_sign_raw", s("{}"), s("{}"), s(key));
        assertFails(ErrorCode.EVAL_BUILTIN, "type is JWT but payload is not JSON", "io.jwt.encode_sign_raw",
                s("{\"typ\":\"JWT\", \"alg\":\"HS256\"}"), s("e"), s(key));
    }
}
