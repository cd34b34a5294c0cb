package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Converts certificates and names to objects shaped like Go's {@code x509.Certificate} and
 * {@code pkix.Name} in JSON, as OPA returns them: field names such as {@code Subject.CommonName},
 * {@code NotAfter} as RFC 3339 text, byte fields in base64, and Go's numbers for algorithms and usages.
 * NOTE: only a subset of Go's fields is filled, so Extensions, OCSPServer, CRLDistributionPoints and the
 * policy and name-constraint fields are missing.
 */
final class X509Values {

    private static final Map<String, Integer> SIGNATURE_ALGORITHMS = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.2", 1), Map.entry("1.2.840.113549.1.1.4", 2),
            Map.entry("1.2.840.113549.1.1.5", 3), Map.entry("1.2.840.113549.1.1.11", 4),
            Map.entry("1.2.840.113549.1.1.12", 5), Map.entry("1.2.840.113549.1.1.13", 6),
            Map.entry("1.2.840.10040.4.3", 7), Map.entry("2.16.840.1.101.3.4.3.2", 8),
            Map.entry("1.2.840.10045.4.1", 9), Map.entry("1.2.840.10045.4.3.2", 10),
            Map.entry("1.2.840.10045.4.3.3", 11), Map.entry("1.2.840.10045.4.3.4", 12),
            Map.entry("1.2.840.113549.1.1.10", 13), Map.entry("1.3.101.112", 16));
    private static final Map<String, Integer> EXT_KEY_USAGES = Map.ofEntries(
            Map.entry("2.5.29.37.0", 0), Map.entry("1.3.6.1.5.5.7.3.1", 1), Map.entry("1.3.6.1.5.5.7.3.2", 2),
            Map.entry("1.3.6.1.5.5.7.3.3", 3), Map.entry("1.3.6.1.5.5.7.3.4", 4), Map.entry("1.3.6.1.5.5.7.3.5", 5),
            Map.entry("1.3.6.1.5.5.7.3.6", 6), Map.entry("1.3.6.1.5.5.7.3.7", 7), Map.entry("1.3.6.1.5.5.7.3.8", 8),
            Map.entry("1.3.6.1.5.5.7.3.9", 9), Map.entry("1.3.6.1.4.1.311.10.3.3", 10),
            Map.entry("2.16.840.1.113730.4.1", 11), Map.entry("1.3.6.1.4.1.311.2.1.22", 12),
            Map.entry("1.3.6.1.4.1.311.61.1.1", 13));
    /** pkix.Name's list fields and the attribute types that fill them. */
    private static final Map<String, String> NAME_FIELDS = Map.of(
            "2.5.4.6", "Country", "2.5.4.10", "Organization", "2.5.4.11", "OrganizationalUnit",
            "2.5.4.7", "Locality", "2.5.4.8", "Province", "2.5.4.9", "StreetAddress", "2.5.4.17", "PostalCode");
    private static final Map<String, String> KEYWORD_OIDS = Map.of(
            "CN", "2.5.4.3", "C", "2.5.4.6", "L", "2.5.4.7", "ST", "2.5.4.8", "STREET", "2.5.4.9",
            "O", "2.5.4.10", "OU", "2.5.4.11", "DC", "0.9.2342.19200300.100.1.25", "UID", "0.9.2342.19200300.100.1.1");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private X509Values() {
    }

    static ObjectValue certificate(X509Certificate cert) throws Exception {
        ObjectValue.Builder out = ObjectValue.builder()
                .put("Raw", bytes(cert.getEncoded()))
                .put("RawTBSCertificate", bytes(cert.getTBSCertificate()))
                .put("RawSubjectPublicKeyInfo", bytes(cert.getPublicKey().getEncoded()))
                .put("RawSubject", bytes(cert.getSubjectX500Principal().getEncoded()))
                .put("RawIssuer", bytes(cert.getIssuerX500Principal().getEncoded()))
                .put("Signature", bytes(cert.getSignature()))
                .put("SignatureAlgorithm", NumberValue.of(SIGNATURE_ALGORITHMS.getOrDefault(cert.getSigAlgOID(), 0)))
                .put("PublicKeyAlgorithm", NumberValue.of(publicKeyAlgorithm(cert.getPublicKey())))
                .put("PublicKey", publicKey(cert.getPublicKey()))
                .put("Version", NumberValue.of(cert.getVersion()))
                .put("SerialNumber", NumberValue.of(cert.getSerialNumber()))
                .put("Issuer", name(cert.getIssuerX500Principal()))
                .put("Subject", name(cert.getSubjectX500Principal()))
                .put("NotBefore", StringValue.of(RFC3339.format(cert.getNotBefore().toInstant())))
                .put("NotAfter", StringValue.of(RFC3339.format(cert.getNotAfter().toInstant())))
                .put("KeyUsage", NumberValue.of(keyUsage(cert.getKeyUsage())))
                .put("ExtKeyUsage", extKeyUsage(cert.getExtendedKeyUsage()))
                .put("BasicConstraintsValid", BooleanValue.of(cert.getExtensionValue("2.5.29.19") != null))
                .put("IsCA", BooleanValue.of(cert.getBasicConstraints() >= 0))
                .put("MaxPathLen", NumberValue.of(cert.getBasicConstraints() == Integer.MAX_VALUE ? -1 : cert.getBasicConstraints()));
        addSubjectAltNames(out, cert.getSubjectAlternativeNames());
        out.put("SubjectKeyId", keyIdentifier(cert.getExtensionValue("2.5.29.14"), false));
        out.put("AuthorityKeyId", keyIdentifier(cert.getExtensionValue("2.5.29.35"), true));
        return out.build();
    }

    /**
     * Reads a key identifier extension: the subject key identifier is an OCTET STRING, and the authority key
     * identifier a SEQUENCE whose {@code [0]} element is the identifier. Returns null when the extension is absent.
     */
    private static Value keyIdentifier(byte[] extension, boolean authority) {
        if (extension == null) {
            return NullValue.INSTANCE;
        }
        try {
            Der.Element value = Der.read(Der.read(extension).content());
            if (!authority) {
                return bytes(value.content());
            }
            for (Der.Element element : value.children()) {
                if (element.tag() == 0x80) {
                    return bytes(element.content());
                }
            }
            return NullValue.INSTANCE;
        } catch (IllegalArgumentException e) {
            return NullValue.INSTANCE;
        }
    }

    static Value publicKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return ObjectValue.builder().put("N", NumberValue.of(rsa.getModulus()))
                    .put("E", NumberValue.of(rsa.getPublicExponent())).build();
        }
        if (key instanceof ECPublicKey ec) {
            return ObjectValue.builder().put("Curve", ObjectValue.EMPTY)
                    .put("X", NumberValue.of(ec.getW().getAffineX()))
                    .put("Y", NumberValue.of(ec.getW().getAffineY())).build();
        }
        return bytes(key.getEncoded());
    }

    static int publicKeyAlgorithm(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> 1;
            case "DSA" -> 2;
            case "EC" -> 3;
            case "Ed25519", "EdDSA" -> 4;
            default -> 0;
        };
    }

    /** Converts a distinguished name to pkix.Name's JSON form. */
    static ObjectValue name(X500Principal principal) {
        Map<String, List<Value>> lists = new java.util.TreeMap<>();
        List<Value> names = new ArrayList<>();
        String commonName = "";
        String serialNumber = "";
        LdapName ldapName;
        try {
            ldapName = new LdapName(principal.getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER", "2.5.4.17", "POSTALCODE")));
        } catch (InvalidNameException e) {
            return ObjectValue.builder().put("Names", ArrayValue.EMPTY).build();
        }
        for (Rdn rdn : ldapName.getRdns()) {
            String oid = oidOf(rdn.getType());
            String text = rdn.getValue() instanceof byte[] raw ? Base64.getEncoder().encodeToString(raw) : String.valueOf(rdn.getValue());
            names.add(ObjectValue.builder().put("Type", oidArray(oid)).put("Value", StringValue.of(text)).build());
            if (oid.equals("2.5.4.3")) {
                commonName = text;
            } else if (oid.equals("2.5.4.5")) {
                serialNumber = text;
            } else if (NAME_FIELDS.containsKey(oid)) {
                lists.computeIfAbsent(NAME_FIELDS.get(oid), k -> new ArrayList<>()).add(StringValue.of(text));
            }
        }
        ObjectValue.Builder out = ObjectValue.builder();
        for (String field : NAME_FIELDS.values()) {
            List<Value> values = lists.get(field);
            out.put(field, values == null ? NullValue.INSTANCE : ArrayValue.of(values));
        }
        return out.put("SerialNumber", StringValue.of(serialNumber))
                .put("CommonName", StringValue.of(commonName))
                .put("Names", ArrayValue.of(names))
                .put("ExtraNames", NullValue.INSTANCE)
                .build();
    }

    private static String oidOf(String type) {
        String upper = type.toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("SERIALNUMBER")) {
            return "2.5.4.5";
        }
        if (upper.equals("POSTALCODE")) {
            return "2.5.4.17";
        }
        String oid = KEYWORD_OIDS.get(upper);
        if (oid != null) {
            return oid;
        }
        return upper.startsWith("OID.") ? type.substring(4) : type;
    }

    private static Value oidArray(String oid) {
        List<Value> parts = new ArrayList<>();
        for (String part : oid.split("\\.")) {
            try {
                parts.add(NumberValue.of(Long.parseLong(part)));
            } catch (NumberFormatException e) {
                return StringValue.of(oid);
            }
        }
        return ArrayValue.of(parts);
    }

    private static int keyUsage(boolean[] usage) {
        int bits = 0;
        if (usage != null) {
            for (int i = 0; i < usage.length && i < 9; i++) {
                if (usage[i]) {
                    bits |= 1 << i;
                }
            }
        }
        return bits;
    }

    private static Value extKeyUsage(List<String> oids) {
        if (oids == null) {
            return NullValue.INSTANCE;
        }
        List<Value> usages = new ArrayList<>();
        for (String oid : oids) {
            Integer usage = EXT_KEY_USAGES.get(oid);
            if (usage != null) {
                usages.add(NumberValue.of(usage));
            }
        }
        return ArrayValue.of(usages);
    }

    private static void addSubjectAltNames(ObjectValue.Builder out, Collection<List<?>> altNames) {
        List<Value> dns = new ArrayList<>();
        List<Value> emails = new ArrayList<>();
        List<Value> ips = new ArrayList<>();
        List<Value> uris = new ArrayList<>();
        if (altNames != null) {
            for (List<?> altName : altNames) {
                int kind = (Integer) altName.get(0);
                Value text = StringValue.of(String.valueOf(altName.get(1)));
                switch (kind) {
                    case 1 -> emails.add(text);
                    case 2 -> dns.add(text);
                    case 6 -> uris.add(text);
                    case 7 -> ips.add(text);
                    default -> { }
                }
            }
        }
        out.put("DNSNames", dns.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(dns));
        out.put("EmailAddresses", emails.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(emails));
        out.put("IPAddresses", ips.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(ips));
        out.put("URIs", uris.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(uris));
    }

    static StringValue bytes(byte[] bytes) {
        return StringValue.of(Base64.getEncoder().encodeToString(bytes));
    }

}
