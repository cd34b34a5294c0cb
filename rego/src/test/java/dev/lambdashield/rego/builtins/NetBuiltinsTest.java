package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.ObjectValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetBuiltinsTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.1.0.0/24, true",
        "172.17.0.0/24, 172.17.0.0/16, false",
        "10.0.0.0/8, 192.168.1.0/24, false",
        "10.0.0.0/8, 10.1.2.3, true",
        "10.0.0.0/8, 192.168.1.1, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "2001:4860:4860::8888/32, 2001:4860:4860:1234::8888/40, true",
        "2001:4860:4860::8888/32, 2001:4860:4860:1234:5678:1234:5678:8888/128, true",
        "2001:4860::/32, fd1e:5bfe:8af3:9ddc::/64, false",
        "::/0, 2600:1f18:abcd::1, true",
        "2600:1f18::/32, 2600:1f18:abcd::1, true",
        "2600:1f18::/32, 2600:1f19::1, false",
        "10.0.0.0/8, 2600:1f18::1, false",
        "0.0.0.0/0, ::ffff:10.0.0.1, true",
    })
    void cidrContainsOnIpv4AndIpv6(String cidr, String inner, boolean expected) {
        assertEquals(BooleanValue.of(expected), call("net.cidr_contains", s(cidr), s(inner)));
    }

    @Test
    void cidrErrors() {
        assertFails(ErrorCode.EVAL_BUILTIN, "invalid CIDR address: not-a-cidr", "net.cidr_contains", s("not-a-cidr"), s("192.168.1.67"));
        assertFails(ErrorCode.EVAL_BUILTIN, "invalid CIDR address: not-a-cidr", "net.cidr_contains", s("192.168.1.0/28"), s("not-a-cidr"));
        assertFails(ErrorCode.EVAL_BUILTIN, "invalid CIDR address: 192.168.1.1/33", "net.cidr_expand", s("192.168.1.1/33"));
        assertFails(ErrorCode.EVAL_BUILTIN, "invalid CIDR address", "net.cidr_intersects", s("not-a-cidr"), s("192.168.1.0/24"));
    }

    @Test
    void cidrIntersectsAndOverlap() {
        assertEquals(BooleanValue.TRUE, call("net.cidr_intersects", s("192.168.1.0/25"), s("192.168.1.64/25")));
        assertEquals(BooleanValue.FALSE, call("net.cidr_intersects", s("192.168.1.0/24"), s("192.168.2.0/24")));
        assertEquals(BooleanValue.TRUE, call("net.cidr_intersects", s("fd1e:5bfe:8af3:9ddc::/64"), s("fd1e:5bfe:8af3:9ddc:1111::/72")));
        assertEquals(BooleanValue.FALSE, call("net.cidr_intersects", s("fd1e:5bfe:8af3:9ddc::/64"), s("2001:4860:4860::8888/32")));
        assertEquals(BooleanValue.TRUE, call("net.cidr_overlap", s("192.168.1.0/24"), s("192.168.1.67")));
        assertEquals(BooleanValue.FALSE, call("net.cidr_overlap", s("192.168.1.0/28"), s("192.168.1.67")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.168.1.0/24 | true",
        "2002::1234:abcd:ffff:c0a8:101/64 | true",
        "'' | false",
        "there goes a string | false",
        "192.168.1.2 | false",
        "192.168.01.0/24 | false",
        "::1/129 | false",
    })
    void cidrIsValid(String cidr, boolean expected) {
        assertEquals(BooleanValue.of(expected), call("net.cidr_is_valid", s(cidr)));
    }

    @Test
    void cidrExpand() {
        assertEquals(set("[\"192.168.1.0\", \"192.168.1.1\", \"192.168.1.2\", \"192.168.1.3\"]"), call("net.cidr_expand", s("192.168.1.1/30")));
        assertEquals(set("[\"172.16.100.252\", \"172.16.100.253\", \"172.16.100.254\", \"172.16.100.255\"]"),
                call("net.cidr_expand", s("172.16.100.255/30")));
        assertEquals(set("[\"2001:db8::\", \"2001:db8::1\"]"), call("net.cidr_expand", s("2001:db8::/127")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64\", \"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"] | [\"2601:600:8a80:207e::/64\"]",
        "[\"192.0.128.0/24\", \"192.0.129.0/24\"] | [\"192.0.128.0/23\"]",
        "[\"192.0.128.0/24\", \"0.0.0.0/0\"] | [\"0.0.0.0/0\"]",
        "[\"192.0.2.112/30\", \"192.0.2.116/31\", \"192.0.2.118/31\"] | [\"192.0.2.112/29\"]",
        "[\"192.0.2.112/30\", \"192.0.2.116/32\", \"192.0.2.118/31\"] | [\"192.0.2.112/30\", \"192.0.2.116/32\", \"192.0.2.118/31\"]",
        "[\"192.0.2.112/31\", \"192.0.2.116/31\", \"192.0.2.118/31\"] | [\"192.0.2.112/31\", \"192.0.2.116/30\"]",
        "[\"::/0\", \"::192.0.2.0/124\", \"ff00::101/128\"] | [\"::/0\"]",
        "[\"fe80::/120\", \"192.0.2.0/24\", \"192.0.3.0/24\", \"192.0.4.0/25\", \"192.0.4.128/25\"] | [\"192.0.2.0/23\", \"192.0.4.0/24\", \"fe80::/120\"]",
        "[\"192.0.2.112\", \"192.0.2.116/31\", \"192.0.2.118/31\"] | [\"192.0.2.0/24\"]",
        "[\"192.0.128.0\", \"192.0.129.0\"] | [\"192.0.128.0/23\"]",
        "[] | []",
    })
    void cidrMerge(String input, String expected) {
        assertEquals(set(expected), call("net.cidr_merge", v(input)));
    }

    @Test
    void cidrMergeErrors() {
        assertFails(ErrorCode.EVAL_BUILTIN, "IPv6 invalid: needs prefix length", "net.cidr_merge",
                v("[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3\"]"));
        assertFails(ErrorCode.EVAL_BUILTIN, "foo", "net.cidr_merge", v("[\"foo\"]"));
    }

    @Test
    void cidrContainsMatches() {
        assertEquals(set("[[\"1.1.1.0/24\", \"1.1.1.1\"]]"), call("net.cidr_contains_matches", s("1.1.1.0/24"), s("1.1.1.1")));
        assertEquals(set("[[0, 1], [1, 0]]"),
                call("net.cidr_contains_matches", v("[[\"1.1.2.0/24\", 1], \"1.1.1.0/24\"]"), v("[\"1.1.1.1\", \"1.1.2.1\"]")));
        ObjectValue cidrs = (ObjectValue) v("{\"k1\": \"1.1.1.1/24\", \"k2\": [\"1.1.1.2/24\", 1]}");
        assertEquals(set("[[\"k1\", \"1.1.1.128\"], [\"k2\", \"1.1.1.128\"]]"), call("net.cidr_contains_matches", cidrs, s("1.1.1.128")));
        assertFails(ErrorCode.EVAL_BUILTIN, "operand 2: element must be string or non-empty array",
                "net.cidr_contains_matches", v("[\"1.1.2.0/24\"]"), v("[\"1.1.1.1\", 1]"));
    }

    @Test
    void networkBuiltinsHaltWithoutContactingTheNetwork() {
        for (String name : new String[] {"net.lookup_ip_addr", "http.send"}) {
            BuiltinException e = assertThrows(BuiltinException.class,
                    () -> call(name, name.equals("http.send") ? v("{\"method\": \"get\", \"url\": \"http://127.0.0.1:1\"}") : s("localhost")));
            assertEquals(ErrorCode.EVAL_BUILTIN, e.code());
            assertTrue(e.halts(), name);
            assertTrue(e.getMessage().contains("not available in this engine"), e.getMessage());
        }
    }
}
