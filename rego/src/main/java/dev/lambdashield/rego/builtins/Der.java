package dev.lambdashield.rego.builtins;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal reader for DER-encoded ASN.1: enough to split PKCS#1 and SEC 1 keys and PKCS#10 requests,
 * which the JDK has no public parser for.
 */
final class Der {

    /** One element: its tag byte, its content, and its complete encoding. */
    record Element(int tag, byte[] content, byte[] encoded) {

        boolean isSequence() {
            return tag == 0x30;
        }

        List<Element> children() {
            return Der.readAll(content);
        }

        BigInteger integer() {
            if (tag != 0x02) {
                throw new IllegalArgumentException("expected an ASN.1 INTEGER but found tag " + tag);
            }
            return new BigInteger(content);
        }
    }

    private Der() {
    }

    /** Reads one element at the start of {@code bytes}; the rest of the input must be empty. */
    static Element read(byte[] bytes) {
        List<Element> elements = readAll(bytes);
        if (elements.size() != 1) {
            throw new IllegalArgumentException("expected one ASN.1 element but found " + elements.size());
        }
        return elements.get(0);
    }

    static List<Element> readAll(byte[] bytes) {
        List<Element> elements = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int start = pos;
            int tag = bytes[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new IllegalArgumentException("multi-byte ASN.1 tags are not supported");
            }
            if (pos >= bytes.length) {
                throw new IllegalArgumentException("truncated ASN.1 element");
            }
            int length = bytes[pos++] & 0xff;
            if (length > 0x80) {
                int count = length & 0x7f;
                if (count > 4 || pos + count > bytes.length) {
                    throw new IllegalArgumentException("invalid ASN.1 length");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = length << 8 | bytes[pos++] & 0xff;
                }
            } else if (length == 0x80) {
                throw new IllegalArgumentException("indefinite ASN.1 lengths are not DER");
            }
            if (length < 0 || pos + length > bytes.length) {
                throw new IllegalArgumentException("truncated ASN.1 element");
            }
            elements.add(new Element(tag, Arrays.copyOfRange(bytes, pos, pos + length), Arrays.copyOfRange(bytes, start, pos + length)));
            pos += length;
        }
        return elements;
    }
}
