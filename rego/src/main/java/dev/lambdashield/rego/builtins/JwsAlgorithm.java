package dev.lambdashield.rego.builtins;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/** The JWS signature algorithms (RFC 7518) that the JWT built-ins sign and verify with, on JDK providers only. */
enum JwsAlgorithm {
    HS256("HmacSHA256", 32), HS384("HmacSHA384", 48), HS512("HmacSHA512", 64),
    RS256("SHA256withRSA", 32), RS384("SHA384withRSA", 48), RS512("SHA512withRSA", 64),
    PS256("SHA-256", 32), PS384("SHA-384", 48), PS512("SHA-512", 64),
    ES256("SHA256withECDSAinP1363Format", 32), ES384("SHA384withECDSAinP1363Format", 48),
    ES512("SHA512withECDSAinP1363Format", 64);

    private final String jdkName;
    private final int hashLength;

    JwsAlgorithm(String jdkName, int hashLength) {
        this.jdkName = jdkName;
        this.hashLength = hashLength;
    }

    /** Returns the algorithm for a JOSE {@code alg} name, or null when it is not one of these. */
    static JwsAlgorithm of(String name) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        return null;
    }

    boolean isHmac() {
        return name().startsWith("HS");
    }

    /** Returns the JWK key type this algorithm needs: {@code oct}, {@code RSA} or {@code EC}. */
    String keyType() {
        return isHmac() ? "oct" : name().startsWith("ES") ? "EC" : "RSA";
    }

    byte[] hmac(byte[] secret, String signingInput) {
        return CryptoBuiltins.mac(jdkName, secret, signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    boolean verifyHmac(byte[] secret, String signingInput, byte[] signature) {
        return MessageDigest.isEqual(hmac(secret, signingInput), signature);
    }

    byte[] sign(PrivateKey key, String signingInput) throws GeneralSecurityException {
        Signature signer = signature(key, pssSaltLength());
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }

    boolean verify(PublicKey key, String signingInput, byte[] signature) {
        try {
            if (verifyWith(key, pssSaltLength(), signingInput, signature)) {
                return true;
            }
            // PS* signers may use the largest salt that fits instead of the hash length (Go's PSSSaltLengthAuto).
            return name().startsWith("PS") && key instanceof RSAKey rsa
                    && verifyWith(key, maxSaltLength(rsa.getModulus()), signingInput, signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean verifyWith(PublicKey key, int saltLength, String signingInput, byte[] signature) throws GeneralSecurityException {
        Signature verifier = signature(key, saltLength);
        verifier.initVerify(key);
        verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature);
    }

    private int pssSaltLength() {
        return hashLength;
    }

    private int maxSaltLength(BigInteger modulus) {
        return (modulus.bitLength() - 1 + 7) / 8 - hashLength - 2;
    }

    private Signature signature(Key key, int saltLength) throws GeneralSecurityException {
        if (!name().startsWith("PS")) {
            return Signature.getInstance(jdkName);
        }
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec(jdkName, "MGF1", new MGF1ParameterSpec(jdkName), saltLength, 1));
        return pss;
    }

    String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
