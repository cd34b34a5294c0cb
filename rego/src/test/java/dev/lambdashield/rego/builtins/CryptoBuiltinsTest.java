package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Uses the test-only PKI under resources/pki: a self-signed RSA root and an EC leaf it issued, valid from 2020 until 2119. */
class CryptoBuiltinsTest {

    static String resource(String name) {
        try (InputStream in = CryptoBuiltinsTest.class.getResourceAsStream("/pki/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource pki/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({
        "crypto.md5, lorem ipsum, 80a751fde577028640c419000e33eba6",
        "crypto.sha1, lorem ipsum, bfb7759a67daeb65410490b4d98bb9da7d1ea2ce",
        "crypto.sha256, lorem ipsum, 5e2bf57d3f40c4b6df69daf1936cb766f832374b4fc0259a7cbff06e2f70f269",
    })
    void hashes(String name, String input, String expected) {
        assertEquals(s(expected), call(name, s(input)));
    }

    @ParameterizedTest
    @CsvSource({
        "crypto.hmac.md5, 31b6db9e5eb4addb42f1a6ca07367adc",
        "crypto.hmac.sha512, 24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d61b4b72154a89d17b2d49448a8452ea066f4fc56a2bcead45c088572ffccdb3d8",
    })
    void hmacs(String name, String expected) {
        assertEquals(s(expected), call(name, s("foo"), s("bar")));
    }

    @Test
    void hmacOfUnicodeAndEmptyKey() {
        assertEquals(s("20a8743c2157ac60b7e8b79c83651b8d"), call("crypto.hmac.md5", s("åäöçß🥲♙Ω"), s("秘密の")));
        assertEquals(s("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"), call("crypto.hmac.sha256", s(""), s("")));
        assertEquals(BooleanValue.TRUE, call("crypto.hmac.equal", s("abc"), s("abc")));
        assertEquals(BooleanValue.FALSE, call("crypto.hmac.equal", s("abc"), s("abd")));
    }

    @Test
    void parseCertificatesInEveryEncoding() {
        String chain = resource("leaf.pem") + resource("ca.pem");
        for (String input : new String[] {chain, base64(chain)}) {
            ArrayValue certs = (ArrayValue) call("crypto.x509.parse_certificates", s(input));
            assertEquals(2, certs.size());
            assertEquals(s("orders.example.com"), subject(certs.get(0)).get("CommonName"));
            assertEquals(s("Test Root CA"), subject(certs.get(1)).get("CommonName"));
        }
        ObjectValue leaf = (ObjectValue) ((ArrayValue) call("crypto.x509.parse_certificates", s(resource("leaf.pem")))).get(0);
        assertEquals(v("[\"orders.example.com\", \"*.api.example.com\"]"), leaf.get("DNSNames"));
        assertEquals(v("[\"10.0.0.1\"]"), leaf.get("IPAddresses"));
        assertEquals(v("[\"Dublin\"]"), subject(leaf).get("Locality"));
        assertEquals(v("[1]"), leaf.get("ExtKeyUsage"));
        assertEquals(NumberValue.of(3), leaf.get("PublicKeyAlgorithm"));
        assertEquals(NumberValue.of(4), leaf.get("SignatureAlgorithm"));
        assertEquals(BooleanValue.FALSE, leaf.get("IsCA"));
        assertEquals(s("Test Root CA"), ((ObjectValue) leaf.get("Issuer")).get("CommonName"));
        assertEquals(s("X81pTfzQnVNS7DrSYD/SFvhbnBc="), leaf.get("SubjectKeyId"));
        assertEquals(s("OSSUUbIl+pYfgVSXAcsQ+jFqQMM="), leaf.get("AuthorityKeyId"));
        String der = ((StringValue) leaf.get("Raw")).value();
        assertEquals(leaf, ((ArrayValue) call("crypto.x509.parse_certificates", s(der))).get(0));
    }

    @Test
    void parseCertificatesErrors() {
        assertFails(ErrorCode.EVAL_BUILTIN, "x509: malformed certificate", "crypto.x509.parse_certificates", s("YmFkc3RyaW5n"));
        assertFails(ErrorCode.EVAL_BUILTIN, "illegal base64", "crypto.x509.parse_certificates", s("foobar"));
    }

    @Test
    void parseAndVerifyChain() {
        String chain = resource("leaf.pem") + resource("ca.pem");
        ArrayValue verified = (ArrayValue) call("crypto.x509.parse_and_verify_certificates", s(chain));
        assertEquals(BooleanValue.TRUE, verified.get(0));
        assertEquals(2, ((ArrayValue) verified.get(1)).size());
        String reversed = resource("ca.pem") + resource("leaf.pem");
        assertEquals(v("[false, []]"), call("crypto.x509.parse_and_verify_certificates", s(reversed)));
        assertEquals(BooleanValue.TRUE, ((ArrayValue) call("crypto.x509.parse_and_verify_certificates_with_options", s(chain),
                v("{\"DNSName\": \"x.api.example.com\"}"))).get(0));
        assertEquals(v("[false, []]"), call("crypto.x509.parse_and_verify_certificates_with_options", s(chain),
                v("{\"DNSName\": \"evil.example.org\"}")));
        assertEquals(v("[false, []]"), call("crypto.x509.parse_and_verify_certificates_with_options", s(chain),
                v("{\"CurrentTime\": 4102444800000000000000}")));
    }

    @Test
    void parseCertificateRequest() {
        for (String input : new String[] {resource("leaf.csr"), base64(resource("leaf.csr"))}) {
            ObjectValue csr = (ObjectValue) call("crypto.x509.parse_certificate_request", s(input));
            assertEquals(s("orders.example.com"), subject(csr).get("CommonName"));
            assertEquals(NumberValue.of(3), csr.get("PublicKeyAlgorithm"));
        }
        assertFails(ErrorCode.EVAL_BUILTIN, "illegal base64", "crypto.x509.parse_certificate_request", s("foobar"));
    }

    @Test
    void parsePrivateKeys() {
        ObjectValue rsa = (ObjectValue) call("crypto.x509.parse_rsa_private_key", s(resource("ca-pkcs1.key")));
        assertEquals(s("RSA"), rsa.get("kty"));
        assertEquals(s("AQAB"), rsa.get("e"));
        assertEquals(9, rsa.size());
        assertEquals(rsa, call("crypto.x509.parse_rsa_private_key", s(base64(resource("ca-pkcs1.key")))));
        assertFails(ErrorCode.EVAL_BUILTIN, "illegal base64", "crypto.x509.parse_rsa_private_key", s("invalid"));

        ArrayValue keys = (ArrayValue) call("crypto.parse_private_keys", s(resource("leaf-sec1.key") + resource("leaf-pkcs8.key")));
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1));
        assertEquals(s("P-256"), ((ObjectValue) keys.get(0)).get("crv"));
        assertEquals(ArrayValue.EMPTY, call("crypto.parse_private_keys", s("")));
    }

    @Test
    void parseKeypairChecksTheKeyMatches() {
        ObjectValue pair = (ObjectValue) call("crypto.x509.parse_keypair", s(resource("leaf.pem")), s(resource("leaf-pkcs8.key")));
        assertEquals(1, ((ArrayValue) pair.get("Certificate")).size());
        assertFails(ErrorCode.EVAL_BUILTIN, "private key does not match", "crypto.x509.parse_keypair",
                s(resource("ca.pem")), s(resource("leaf-sec1.key")));
    }

    private static ObjectValue subject(Value cert) {
        return (ObjectValue) ((ObjectValue) cert).get("Subject");
    }
}
