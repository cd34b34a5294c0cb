package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.BOOLEAN;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.arrayOf;
import static dev.lambdashield.rego.types.Types.objectOf;

/** Hashes, HMACs and the parsing of certificates, certificate requests and keys, with the JDK's providers. */
public final class CryptoBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "crypto";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("crypto.md5", CATEGORY, "Returns a string representing the input string hashed with MD5.",
                STRING, arg("x", STRING)), (context, args) -> digest("MD5", args));
        registry.register(function("crypto.sha1", CATEGORY, "Returns a string representing the input string hashed with SHA1.",
                STRING, arg("x", STRING)), (context, args) -> digest("SHA-1", args));
        registry.register(function("crypto.sha256", CATEGORY, "Returns a string representing the input string hashed with SHA256.",
                STRING, arg("x", STRING)), (context, args) -> digest("SHA-256", args));
        registry.register(hmacDecl("crypto.hmac.md5", "MD5"), (context, args) -> hmac("HmacMD5", args));
        registry.register(hmacDecl("crypto.hmac.sha1", "SHA1"), (context, args) -> hmac("HmacSHA1", args));
        registry.register(hmacDecl("crypto.hmac.sha256", "SHA256"), (context, args) -> hmac("HmacSHA256", args));
        registry.register(hmacDecl("crypto.hmac.sha512", "SHA512"), (context, args) -> hmac("HmacSHA512", args));
        registry.register(function("crypto.hmac.equal", CATEGORY, "Returns whether two MACs are equal without leaking timing information.",
                BOOLEAN, arg("mac1", STRING), arg("mac2", STRING)), CryptoBuiltins::hmacEqual);
        registry.register(function("crypto.x509.parse_certificates", CATEGORY,
                "Returns zero or more certificates from the given encoded string containing DER certificate data.",
                arrayOf(objectOf(STRING, ANY)), arg("certs", STRING)), CryptoBuiltins::parseCertificates);
        registry.register(function("crypto.x509.parse_and_verify_certificates", CATEGORY,
                "Returns [valid, certificates]: whether the chain (leaf first, root last) verifies, and the parsed certificates.",
                arrayOf(ANY), arg("certs", STRING)), (context, args) -> CertificateChains.parseAndVerify(context, args, ObjectValue.EMPTY));
        registry.register(function("crypto.x509.parse_and_verify_certificates_with_options", CATEGORY,
                "Like crypto.x509.parse_and_verify_certificates, with the options DNSName, CurrentTime and KeyUsages.",
                arrayOf(ANY), arg("certs", STRING), arg("options", objectOf(STRING, ANY))),
                (context, args) -> CertificateChains.parseAndVerify(context, args, Args.object(args, 1)));
        registry.register(function("crypto.x509.parse_certificate_request", CATEGORY,
                "Returns a PKCS #10 certificate signing request from the given PEM-encoded PKCS#10 certificate signing request.",
                objectOf(STRING, ANY), arg("csr", STRING)), CryptoBuiltins::parseCertificateRequest);
        registry.register(function("crypto.x509.parse_keypair", CATEGORY,
                "Returns a valid key pair from PEM-encoded certificate and key data.",
                objectOf(STRING, ANY), arg("cert", STRING), arg("pem", STRING)), CryptoBuiltins::parseKeypair);
        registry.register(function("crypto.x509.parse_rsa_private_key", CATEGORY,
                "Returns a JWK for signing a JWT from the given PEM-encoded RSA private key.",
                objectOf(STRING, ANY), arg("pem", STRING)), CryptoBuiltins::parseRsaPrivateKey);
        registry.register(function("crypto.parse_private_keys", CATEGORY,
                "Returns zero or more private keys, as JWKs, from the given encoded string containing PEM key data.",
                arrayOf(objectOf(STRING, ANY)), arg("keys", STRING)), CryptoBuiltins::parsePrivateKeys);
    }

    private static BuiltinDecl hmacDecl(String name, String hash) {
        return function(name, CATEGORY, "Returns a string representing the " + hash + " HMAC of the input message using the input key.",
                STRING, arg("x", STRING), arg("key", STRING));
    }

    private static Value digest(String algorithm, List<Value> args) {
        try {
            byte[] hash = MessageDigest.getInstance(algorithm).digest(Args.string(args, 0).getBytes(StandardCharsets.UTF_8));
            return StringValue.of(HexFormat.of().formatHex(hash));
        } catch (GeneralSecurityException e) {
            throw BuiltinException.failure(algorithm + " is not available: " + e.getMessage());
        }
    }

    private static Value hmac(String algorithm, List<Value> args) {
        byte[] message = Args.string(args, 0).getBytes(StandardCharsets.UTF_8);
        byte[] key = Args.string(args, 1).getBytes(StandardCharsets.UTF_8);
        return StringValue.of(HexFormat.of().formatHex(mac(algorithm, key, message)));
    }

    static byte[] mac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // An empty key is valid for HMAC, but SecretKeySpec rejects it, so one zero byte replaces it.
            // HMAC pads keys with zeros to the block size, which makes the two keys identical.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw BuiltinException.failure(algorithm + " failed: " + e.getMessage());
        }
    }

    private static Value hmacEqual(BuiltinContext context, List<Value> args) {
        byte[] a = Args.string(args, 0).getBytes(StandardCharsets.UTF_8);
        byte[] b = Args.string(args, 1).getBytes(StandardCharsets.UTF_8);
        return BooleanValue.of(MessageDigest.isEqual(a, b));
    }

    private static Value parseCertificates(BuiltinContext context, List<Value> args) {
        List<Value> certs = new ArrayList<>();
        for (X509Certificate cert : certificates(Args.string(args, 0))) {
            certs.add(certificateValue(cert));
        }
        return ArrayValue.of(certs);
    }

    static ObjectValue certificateValue(X509Certificate cert) {
        try {
            return X509Values.certificate(cert);
        } catch (Exception e) {
            throw BuiltinException.failure("x509: malformed certificate: " + e.getMessage());
        }
    }

    /** Parses certificates from PEM text, base64 of PEM, or base64 of (concatenated) DER. */
    static List<X509Certificate> certificates(String input) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Pem.Block block : Pem.blocksOrDer(input, "CERTIFICATE")) {
                if (!block.type().equals("CERTIFICATE")) {
                    continue;
                }
                for (var cert : factory.generateCertificates(new ByteArrayInputStream(block.bytes()))) {
                    certs.add((X509Certificate) cert);
                }
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw BuiltinException.failure("x509: malformed certificate");
        }
        if (certs.isEmpty()) {
            throw BuiltinException.failure("x509: malformed certificate");
        }
        return certs;
    }

    private static Value parseCertificateRequest(BuiltinContext context, List<Value> args) {
        List<Pem.Block> blocks = Pem.blocksOrDer(Args.string(args, 0), "CERTIFICATE REQUEST");
        if (blocks.isEmpty() || !blocks.get(0).type().endsWith("CERTIFICATE REQUEST")) {
            throw BuiltinException.failure("invalid PEM-encoded certificate signing request");
        }
        try {
            Der.Element request = Der.read(blocks.get(0).bytes());
            List<Der.Element> info = request.children().get(0).children();
            X500Principal subject = new X500Principal(info.get(1).encoded());
            PublicKey key = publicKey(info.get(2).encoded());
            return ObjectValue.builder()
                    .put("Raw", X509Values.bytes(request.encoded()))
                    .put("RawTBSCertificateRequest", X509Values.bytes(request.children().get(0).encoded()))
                    .put("RawSubjectPublicKeyInfo", X509Values.bytes(info.get(2).encoded()))
                    .put("RawSubject", X509Values.bytes(info.get(1).encoded()))
                    .put("Version", NumberValue.of(info.get(0).integer()))
                    .put("Subject", X509Values.name(subject))
                    .put("PublicKeyAlgorithm", NumberValue.of(X509Values.publicKeyAlgorithm(key)))
                    .put("PublicKey", X509Values.publicKey(key))
                    .put("Signature", X509Values.bytes(request.children().get(2).content()))
                    .build();
        } catch (RuntimeException | GeneralSecurityException e) {
            throw BuiltinException.failure("x509: malformed certificate request: " + e.getMessage());
        }
    }

    private static PublicKey publicKey(byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "DSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            } catch (GeneralSecurityException e) {
                // The key names its own algorithm, so only the matching factory accepts it.
            }
        }
        throw new GeneralSecurityException("unsupported public key");
    }

    private static Value parseKeypair(BuiltinContext context, List<Value> args) {
        List<X509Certificate> certs = certificates(Args.string(args, 0));
        PrivateKey key = firstPrivateKey(Args.string(args, 1));
        List<Value> encoded = new ArrayList<>();
        for (X509Certificate cert : certs) {
            encoded.add(certificateBytes(cert));
        }
        if (!CertificateChains.matches(certs.get(0).getPublicKey(), key)) {
            throw BuiltinException.failure("tls: private key does not match public key");
        }
        return ObjectValue.builder()
                .put("Certificate", ArrayValue.of(encoded))
                .put("PrivateKey", CryptoKeys.privateJwk(key))
                .put("Leaf", certificateValue(certs.get(0)))
                .build();
    }

    private static StringValue certificateBytes(X509Certificate cert) {
        try {
            return X509Values.bytes(cert.getEncoded());
        } catch (CertificateException e) {
            throw BuiltinException.failure("x509: malformed certificate");
        }
    }

    private static Value parseRsaPrivateKey(BuiltinContext context, List<Value> args) {
        PrivateKey key = firstPrivateKey(Args.string(args, 0));
        if (!key.getAlgorithm().equals("RSA")) {
            throw BuiltinException.failure("PEM data does not contain an RSA private key");
        }
        return CryptoKeys.privateJwk(key);
    }

    private static PrivateKey firstPrivateKey(String input) {
        String pem = Pem.pemText(input);
        if (pem == null) {
            throw BuiltinException.failure("failed to parse a PEM block containing the key");
        }
        for (Pem.Block block : Pem.blocks(pem)) {
            if (block.type().endsWith("PRIVATE KEY")) {
                try {
                    return CryptoKeys.privateKey(block);
                } catch (GeneralSecurityException e) {
                    throw BuiltinException.failure(e.getMessage());
                }
            }
        }
        throw BuiltinException.failure("failed to parse a PEM block containing the key");
    }

    private static Value parsePrivateKeys(BuiltinContext context, List<Value> args) {
        String input = Args.string(args, 0);
        if (input.isEmpty()) {
            return ArrayValue.EMPTY;
        }
        String pem = Pem.pemText(input);
        List<Value> keys = new ArrayList<>();
        for (Pem.Block block : pem == null ? List.<Pem.Block>of() : Pem.blocks(pem)) {
            if (!block.type().endsWith("PRIVATE KEY")) {
                continue;
            }
            try {
                keys.add(CryptoKeys.privateJwk(CryptoKeys.privateKey(block)));
            } catch (GeneralSecurityException e) {
                throw BuiltinException.failure(e.getMessage());
            }
        }
        return ArrayValue.of(keys);
    }
}
