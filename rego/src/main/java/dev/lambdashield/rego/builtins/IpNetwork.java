package dev.lambdashield.rego.builtins;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address or network, parsed and printed as Go's {@code net} package does, without
 * ever resolving names. {@code address} is the address as given and {@code prefix} the mask length.
 */
record IpNetwork(BigInteger address, int bits, int prefix) {

    boolean isV4() {
        return bits == 32;
    }

    /** The first address of the network (the address with the host bits cleared). */
    BigInteger first() {
        return address.shiftRight(bits - prefix).shiftLeft(bits - prefix);
    }

    BigInteger last() {
        return first().add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
    }

    boolean contains(BigInteger ip, int ipBits) {
        BigInteger candidate = ip;
        if (ipBits != bits) {
            if (ipBits == 128 && isV4() && isV4Mapped(ip)) {
                candidate = ip.and(BigInteger.valueOf(0xffffffffL));
            } else {
                return false;
            }
        }
        return candidate.compareTo(first()) >= 0 && candidate.compareTo(last()) <= 0;
    }

    private static boolean isV4Mapped(BigInteger ip) {
        return ip.shiftRight(32).equals(BigInteger.valueOf(0xffffL));
    }

    /** Parses {@code address/prefix}; returns null when the text is not a CIDR. */
    static IpNetwork parseCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        IpNetwork ip = parseIp(text.substring(0, slash));
        String mask = text.substring(slash + 1);
        if (ip == null || mask.isEmpty() || mask.length() > 3 || !mask.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int prefix = Integer.parseInt(mask);
        if (prefix > ip.bits) {
            return null;
        }
        return new IpNetwork(ip.address, ip.bits, prefix);
    }

    /** Parses a single address as a network of one host; returns null when the text is not an address. */
    static IpNetwork parseIp(String text) {
        if (text.indexOf(':') >= 0) {
            BigInteger v6 = parseV6(text);
            return v6 == null ? null : new IpNetwork(v6, 128, 128);
        }
        Long v4 = parseV4(text);
        return v4 == null ? null : new IpNetwork(BigInteger.valueOf(v4), 32, 32);
    }

    private static Long parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    private static BigInteger parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap < 0 ? groups(text) : groups(text.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int count = head.length + tail.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        BigInteger value = BigInteger.ZERO;
        for (int group : head) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        value = value.shiftLeft(16 * (8 - count));
        for (int group : tail) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return value;
    }

    /** Parses colon-separated hex groups; a trailing dotted IPv4 address counts as two groups. */
    private static int[] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int last = parts.length - 1;
        boolean embedsV4 = parts[last].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (embedsV4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == last && embedsV4) {
                Long v4 = parseV4(part);
                if (v4 == null) {
                    return null;
                }
                groups[i] = (int) (v4 >> 16);
                groups[i + 1] = (int) (v4 & 0xffff);
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                return null;
            }
            groups[i] = Integer.parseInt(part, 16);
        }
        return groups;
    }

    /** Formats an address as Go does: dotted decimal, or RFC 5952 hex with the longest zero run as {@code ::}. */
    static String format(BigInteger address, int bits) {
        if (bits == 32) {
            long v = address.longValue();
            return (v >> 24 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 8 & 0xff) + "." + (v & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        if (address.shiftRight(32).equals(BigInteger.valueOf(0xffffL))) {
            return format(address.and(BigInteger.valueOf(0xffffffffL)), 32);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** Formats the network as {@code first-address/prefix}. */
    String networkText() {
        return format(first(), bits) + "/" + prefix;
    }
}
