package dev.lambdashield.rego.builtins;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The merge step of {@code net.cidr_merge}: the smallest list of networks that covers the same addresses. */
final class CidrMerge {

    private CidrMerge() {
    }

    /**
     * Parses an address or network. A bare IPv4 address takes its classful default mask (/8, /16 or
     * /24), as Go's {@code IP.DefaultMask} gives it; a bare IPv6 address is an error, as in OPA.
     */
    static IpNetwork parseForMerge(String text) {
        if (text.indexOf('/') >= 0) {
            IpNetwork network = IpNetwork.parseCidr(text);
            if (network == null) {
                throw BuiltinException.failure("invalid CIDR address: " + text);
            }
            return network;
        }
        IpNetwork ip = IpNetwork.parseIp(text);
        if (ip == null) {
            throw BuiltinException.failure("IPv4 invalid: " + text);
        }
        if (!ip.isV4()) {
            throw BuiltinException.failure("IPv6 invalid: needs prefix length");
        }
        int firstOctet = ip.address().shiftRight(24).intValue();
        int prefix = 24;
        if (firstOctet < 0x80) {
            prefix = 8;
        } else if (firstOctet < 0xc0) {
            prefix = 16;
        }
        return new IpNetwork(ip.address(), 32, prefix);
    }

    /** Merges overlapping and adjacent networks of each family and splits the ranges back into CIDRs. */
    static List<IpNetwork> merge(List<IpNetwork> networks) {
        List<IpNetwork> merged = new ArrayList<>();
        for (int bits : new int[] {32, 128}) {
            List<BigInteger[]> ranges = new ArrayList<>();
            for (IpNetwork network : networks) {
                if (network.bits() == bits) {
                    ranges.add(new BigInteger[] {network.first(), network.last()});
                }
            }
            ranges.sort(Comparator.comparing((BigInteger[] r) -> r[0]).thenComparing(r -> r[1]));
            BigInteger[] current = null;
            for (BigInteger[] range : ranges) {
                if (current != null && range[0].compareTo(current[1].add(BigInteger.ONE)) <= 0) {
                    current[1] = current[1].max(range[1]);
                    continue;
                }
                if (current != null) {
                    split(current[0], current[1], bits, merged);
                }
                current = range.clone();
            }
            if (current != null) {
                split(current[0], current[1], bits, merged);
            }
        }
        return merged;
    }

    /** Splits [start, end] into the fewest aligned CIDR blocks. */
    private static void split(BigInteger start, BigInteger end, int bits, List<IpNetwork> out) {
        BigInteger next = start;
        while (next.compareTo(end) <= 0) {
            int hostBits = next.signum() == 0 ? bits : next.getLowestSetBit();
            hostBits = Math.min(hostBits, bits);
            while (hostBits > 0 && next.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.ONE).compareTo(end) > 0) {
                hostBits--;
            }
            out.add(new IpNetwork(next, bits, bits - hostBits));
            next = next.add(BigInteger.ONE.shiftLeft(hostBits));
        }
    }
}
