package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.BOOLEAN;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.anyOf;
import static dev.lambdashield.rego.types.Types.arrayOf;
import static dev.lambdashield.rego.types.Types.objectOf;
import static dev.lambdashield.rego.types.Types.setOf;

/**
 * CIDR built-ins for IPv4 and IPv6, plus the network built-ins that this engine refuses to run
 * ({@code net.lookup_ip_addr}, {@code http.send}) because evaluation never contacts the network.
 */
public final class NetBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "net";
    /**
     * Maximum number of addresses {@code net.cidr_expand} returns (a /8 has 16.8 million).
     * NOTE: OPA sets no such limit. This one keeps a single call from exhausting the Lambda's memory.
     */
    private static final BigInteger MAX_EXPANSION = BigInteger.valueOf(1L << 24);

    /** The request keys that OPA's {@code http.send} accepts. */
    private static final Set<String> HTTP_SEND_KEYS = Set.of("method", "url", "body", "enable_redirect", "force_json_decode",
            "force_yaml_decode", "headers", "raw_body", "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file",
            "tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable",
            "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable", "tls_insecure_skip_verify",
            "tls_server_name", "timeout", "cache", "force_cache", "force_cache_duration_seconds", "raise_error",
            "caching_mode", "max_retry_attempts", "cache_ignored_headers");

    @Override
    public void registerInto(BuiltinRegistry registry) {
        var cidrs = anyOf(STRING, arrayOf(ANY), setOf(ANY), objectOf(STRING, ANY));
        registry.register(function("net.cidr_contains", CATEGORY, "Checks if a CIDR or IP is contained within another CIDR.",
                BOOLEAN, arg("cidr", STRING), arg("cidr_or_ip", STRING)), NetBuiltins::cidrContains);
        registry.register(function("net.cidr_overlap", CATEGORY, "Checks if an IP is contained within a CIDR (deprecated: net.cidr_contains).",
                BOOLEAN, arg("cidr", STRING), arg("ip", STRING)), NetBuiltins::cidrContains);
        registry.register(function("net.cidr_intersects", CATEGORY, "Checks if a CIDR intersects with another CIDR.",
                BOOLEAN, arg("cidr1", STRING), arg("cidr2", STRING)), NetBuiltins::cidrIntersects);
        registry.register(function("net.cidr_expand", CATEGORY, "Expands a CIDR to the set of IP addresses it contains.",
                setOf(STRING), arg("cidr", STRING)), NetBuiltins::cidrExpand);
        registry.register(function("net.cidr_merge", CATEGORY, "Merges IP addresses and subnets into the smallest set of CIDRs.",
                setOf(STRING), arg("addrs", anyOf(arrayOf(STRING), setOf(STRING)))), NetBuiltins::cidrMerge);
        registry.register(function("net.cidr_contains_matches", CATEGORY,
                "Returns the set of [key of cidrs, key of cidrs_or_ips] pairs where the CIDR contains the CIDR or IP.",
                setOf(arrayOf(ANY)), arg("cidrs", cidrs), arg("cidrs_or_ips", cidrs)), NetBuiltins::cidrContainsMatches);
        registry.register(function("net.cidr_is_valid", CATEGORY, "Checks if a string is a valid CIDR.",
                BOOLEAN, arg("cidr", STRING)), NetBuiltins::cidrIsValid);
        registry.register(function("net.lookup_ip_addr", CATEGORY, "Returns the IP addresses of a host name; not available in this engine.",
                setOf(STRING), arg("name", STRING)).nondeterministic(), NetBuiltins::networkUnavailable);
        registry.register(function("http.send", "http", "Sends an HTTP request; not available in this engine.",
                objectOf(ANY, ANY), arg("request", objectOf(STRING, ANY))).nondeterministic(), NetBuiltins::httpSend);
    }

    private static Value networkUnavailable(BuiltinContext context, List<Value> args) {
        throw BuiltinException.halt(ErrorCode.EVAL_BUILTIN,
                "not available in this engine because policy evaluation never uses the network; pass the data in input instead");
    }

    /** Checks the request's keys as OPA does, so that a malformed request reports the same error, then refuses to send it. */
    private static Value httpSend(BuiltinContext context, List<Value> args) {
        ObjectValue request = Args.object(args, 0);
        SetValue.Builder unknown = SetValue.builder();
        for (Value key : request.entries().keySet()) {
            if (!(key instanceof StringValue name) || !HTTP_SEND_KEYS.contains(name.value())) {
                unknown.add(key);
            }
        }
        SetValue unknownKeys = unknown.build();
        if (unknownKeys.size() > 0) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE, "invalid request parameters(s): " + unknownKeys, false);
        }
        SetValue.Builder missing = SetValue.builder();
        for (String required : List.of("method", "url")) {
            if (request.get(required) == null) {
                missing.add(StringValue.of(required));
            }
        }
        SetValue missingKeys = missing.build();
        if (missingKeys.size() > 0) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE, "missing required request parameters(s): " + missingKeys, false);
        }
        return networkUnavailable(context, args);
    }

    private static Value cidrContains(BuiltinContext context, List<Value> args) {
        IpNetwork outer = cidr(Args.string(args, 0));
        String inner = Args.string(args, 1);
        IpNetwork ip = IpNetwork.parseIp(inner);
        if (ip != null) {
            return BooleanValue.of(outer.contains(ip.address(), ip.bits()));
        }
        IpNetwork network = cidr(inner);
        return BooleanValue.of(outer.contains(network.first(), network.bits()) && outer.contains(network.last(), network.bits()));
    }

    private static Value cidrIntersects(BuiltinContext context, List<Value> args) {
        IpNetwork a = cidr(Args.string(args, 0));
        IpNetwork b = cidr(Args.string(args, 1));
        return BooleanValue.of(a.contains(b.first(), b.bits()) || b.contains(a.first(), a.bits()));
    }

    private static Value cidrExpand(BuiltinContext context, List<Value> args) {
        IpNetwork network = cidr(Args.string(args, 0));
        BigInteger count = network.last().subtract(network.first()).add(BigInteger.ONE);
        if (count.compareTo(MAX_EXPANSION) > 0) {
            throw BuiltinException.failure("CIDR " + Args.string(args, 0) + " has " + count
                    + " addresses, more than the " + MAX_EXPANSION + " that can be expanded");
        }
        SetValue.Builder addresses = SetValue.builder();
        for (BigInteger ip = network.first(); ip.compareTo(network.last()) <= 0; ip = ip.add(BigInteger.ONE)) {
            if (addresses.size() % 4096 == 0) {
                context.checkCancelled();
            }
            addresses.add(StringValue.of(IpNetwork.format(ip, network.bits())));
        }
        return addresses.build();
    }

    private static Value cidrMerge(BuiltinContext context, List<Value> args) {
        Value operand = args.get(0);
        Iterable<Value> elements;
        if (operand instanceof ArrayValue a) {
            elements = a.elements();
        } else if (operand instanceof SetValue s) {
            elements = s.elements();
        } else {
            throw Args.wrongType(args, 0, "array", "set");
        }
        List<IpNetwork> networks = new ArrayList<>();
        for (Value element : elements) {
            if (!(element instanceof StringValue s)) {
                throw Args.wrongType(args, 0, "array[string]", "set[string]");
            }
            networks.add(CidrMerge.parseForMerge(s.value()));
        }
        SetValue.Builder merged = SetValue.builder();
        for (IpNetwork network : CidrMerge.merge(networks)) {
            merged.add(StringValue.of(network.networkText()));
        }
        return merged.build();
    }

    private static Value cidrIsValid(BuiltinContext context, List<Value> args) {
        return BooleanValue.of(IpNetwork.parseCidr(Args.string(args, 0)) != null);
    }

    private static Value cidrContainsMatches(BuiltinContext context, List<Value> args) {
        List<Map.Entry<Value, String>> cidrs = keyedAddresses(args, 0);
        List<Map.Entry<Value, String>> candidates = keyedAddresses(args, 1);
        SetValue.Builder matches = SetValue.builder();
        for (Map.Entry<Value, String> outer : cidrs) {
            IpNetwork network = cidr(outer.getValue());
            for (Map.Entry<Value, String> inner : candidates) {
                IpNetwork candidate = IpNetwork.parseIp(inner.getValue());
                if (candidate == null) {
                    candidate = cidr(inner.getValue());
                }
                if (network.contains(candidate.first(), candidate.bits()) && network.contains(candidate.last(), candidate.bits())) {
                    matches.add(ArrayValue.of(outer.getKey(), inner.getKey()));
                }
            }
        }
        return matches.build();
    }

    /**
     * Lists the addresses of a {@code cidr_contains_matches} operand with their keys: the string itself,
     * an array index, a set element or an object key. An element is a string or an array that starts with one.
     */
    private static List<Map.Entry<Value, String>> keyedAddresses(List<Value> args, int index) {
        Value operand = args.get(index);
        List<Map.Entry<Value, String>> keyed = new ArrayList<>();
        if (operand instanceof StringValue s) {
            keyed.add(Map.entry(s, s.value()));
        } else if (operand instanceof ArrayValue array) {
            for (int i = 0; i < array.size(); i++) {
                keyed.add(Map.entry(NumberValue.of(i), addressOf(array.get(i), index)));
            }
        } else if (operand instanceof SetValue set) {
            for (Value element : set.elements()) {
                keyed.add(Map.entry(element, addressOf(element, index)));
            }
        } else if (operand instanceof ObjectValue object) {
            for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
                keyed.add(Map.entry(entry.getKey(), addressOf(entry.getValue(), index)));
            }
        } else {
            throw Args.wrongType(args, index, "string", "array", "set", "object");
        }
        return keyed;
    }

    private static String addressOf(Value element, int index) {
        if (element instanceof StringValue s) {
            return s.value();
        }
        if (element instanceof ArrayValue a && a.size() > 0 && a.get(0) instanceof StringValue s) {
            return s.value();
        }
        throw BuiltinException.failure("operand " + (index + 1) + ": element must be string or non-empty array");
    }

    private static IpNetwork cidr(String text) {
        IpNetwork network = IpNetwork.parseCidr(text);
        if (network == null) {
            throw BuiltinException.failure("invalid CIDR address: " + text);
        }
        return network;
    }
}
