package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a certificate chain given leaf first and root last: every certificate is signed by the next,
 * the last is self-signed and is the only trust anchor, and each is valid at the current time.
 * NOTE: a single certificate never verifies here, and KeyUsages and MaxConstraintComparisons options are ignored.
 */
final class CertificateChains {

    private CertificateChains() {
    }

    static Value parseAndVerify(BuiltinContext context, List<Value> args, ObjectValue options) {
        List<X509Certificate> certs;
        try {
            certs = CryptoBuiltins.certificates(Args.string(args, 0));
        } catch (BuiltinException e) {
            return invalid();
        }
        long nowNs = options.get("CurrentTime") instanceof NumberValue n ? n.bigDecimal().longValue() : context.timeNowNs();
        if (certs.size() < 2 || !verifies(certs, new Date(Math.floorDiv(nowNs, 1_000_000L)))) {
            return invalid();
        }
        if (options.get("DNSName") instanceof StringValue dns && !hasDnsName(certs.get(0), dns.value())) {
            return invalid();
        }
        List<Value> values = new ArrayList<>();
        for (X509Certificate cert : certs) {
            values.add(CryptoBuiltins.certificateValue(cert));
        }
        return ArrayValue.of(BooleanValue.TRUE, ArrayValue.of(values));
    }

    private static Value invalid() {
        return ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
    }

    private static boolean verifies(List<X509Certificate> certs, Date now) {
        try {
            for (int i = 0; i < certs.size(); i++) {
                X509Certificate cert = certs.get(i);
                X509Certificate issuer = certs.get(Math.min(i + 1, certs.size() - 1));
                cert.checkValidity(now);
                cert.verify(issuer.getPublicKey());
                if (i > 0 && cert.getBasicConstraints() < 0) {
                    return false;
                }
            }
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean hasDnsName(X509Certificate leaf, String dnsName) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names == null) {
                return false;
            }
            String expected = dnsName.toLowerCase(Locale.ROOT);
            for (List<?> name : names) {
                if ((Integer) name.get(0) == 2 && matchesHost(String.valueOf(name.get(1)).toLowerCase(Locale.ROOT), expected)) {
                    return true;
                }
            }
            return false;
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean matchesHost(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    /** Checks that a private key belongs to a public key by signing a probe message and verifying it. */
    static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> publicKey.getAlgorithm();
        };
        try {
            byte[] probe = "key pair check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
