package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.BooleanValue;

import org.junit.jupiter.api.Test;

class StringBuiltinsTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live";

    @Test
    void splitArnIntoParts() {
        assertResult("[\"arn\", \"aws\", \"lambda\", \"eu-west-1\", \"123456789012\", \"function\", \"orders-api\", \"live\"]",
                "split", s(ARN), s(":"));
        assertResult("[\"foo\"]", "split", s("foo"), s("."));
        assertResult("[\"a\", \"\", \"b\", \"\"]", "split", s("a,,b,"), s(","));
        assertResult("[\"å\", \"ä\", \"😀\"]", "split", s("åä😀"), s(""));
        assertResult("[\"\"]", "split", s(""), s(","));
    }

    @Test
    void splitNKeepsFirstOrLastParts() {
        assertResult("[\"arn\", \"aws\"]", "strings.split_n", s(ARN), s(":"), v("2"));
        assertResult("[\"orders-api\", \"live\"]", "strings.split_n", s(ARN), s(":"), v("-2"));
        assertResult("[]", "strings.split_n", s("a.b"), s("."), v("0"));
        assertResult("[\"a\", \"b\"]", "strings.split_n", s("a.b"), s("."), v("10"));
        assertResult("[\"b\", \"c\"]", "strings.split_n", s("abc"), s(""), v("-2"));
        assertResult("[\"\"]", "strings.split_n", s(""), s("."), v("2"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 3 must be integer number but got floating-point number",
                "strings.split_n", s("a.b"), s("."), v("1.5"));
    }

    @Test
    void searchAndPrefixes() {
        assertEquals(BooleanValue.TRUE, call("startswith", s(ARN), s("arn:aws:lambda:")));
        assertEquals(BooleanValue.FALSE, call("endswith", s("abcdefgh"), s("fg")));
        assertEquals(BooleanValue.TRUE, call("contains", s(ARN), s(":function:")));
        assertResult("2", "indexof", s("abcdefgh"), s("cde"));
        assertResult("-1", "indexof", s("abcdefgh"), s("xyz"));
        assertResult("4", "indexof", s("🍧🍨🧁🍰🍮"), s("🍮"));
        assertResult("9", "indexof", s("skön var våren"), s("vår"));
        assertResult("[1, 3, 5]", "indexof_n", s("😇😀😇😀😇😀"), s("😀"));
        assertResult("[0, 1]", "indexof_n", s("aaa"), s("aa"));
        assertResult("[]", "indexof_n", s("dogcat"), s("rabbit"));
        assertResult("true", "strings.any_prefix_match", v("[\"a/b/c\", \"e/f/g\"]"), set("[\"x/\", \"e/\"]"));
        assertResult("false", "strings.any_suffix_match", s("a/b/g"), v("[\"/c\", \"/a\"]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be array of strings but got array containing number",
                "strings.any_prefix_match", v("[1, 2]"), s("a"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {string, set, array} but got number",
                "strings.any_suffix_match", s("a"), v("1"));
    }

    @Test
    void substringCountsCodePoints() {
        assertResult("\"cde\"", "substring", s("abcdefgh"), v("2"), v("3"));
        assertResult("\"åä\"", "substring", s("åäö"), v("0"), v("2"));
        assertResult("\"äö\"", "substring", s("aåäö"), v("2"), v("-1"));
        assertResult("\"\"", "substring", s("aaa"), v("3"), v("-1"));
        assertResult("\"bc\"", "substring", s("abc"), v("1"), v("100"));
        assertFails(ErrorCode.EVAL_BUILTIN, "negative offset", "substring", s("aaa"), v("-1"), v("-1"));
    }

    @Test
    void replaceAndReplaceN() {
        assertResult("\"foo,,.bar\"", "replace", s("foo...bar"), s(".."), s(",,"));
        assertResult("\"-a-b-\"", "replace", s("ab"), s(""), s("-"));
        assertResult("\"This is &lt;b&gt;HTML&lt;/b&gt;!\"", "strings.replace_n",
                v("{\"<\": \"&lt;\", \">\": \"&gt;\"}"), s("This is <b>HTML</b>!"));
        assertResult("\"xoobar\"", "strings.replace_n", v("{\"f\": \"x\", \"foo\": \"xxx\"}"), s("foobar"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 non-string value found in pattern object",
                "strings.replace_n", v("{\"f\": 100}"), s("foo"));
    }

    @Test
    void caseCountReverseConcat() {
        assertResult("\"abcdef\"", "lower", s("AbCdEf"));
        assertResult("\"ABCDEF\"", "upper", s("AbCdEf"));
        assertResult("3", "strings.count", s("cheese"), s("e"));
        assertResult("5", "strings.count", s("five"), s(""));
        assertResult("\"⃣️2\"", "strings.reverse", s("2️⃣"));
        assertResult("\"𝛾😀1\"", "strings.reverse", s("1😀𝛾"));
        assertResult("\"/foo/bar/0/baz\"", "concat", s("/"), v("[\"\", \"foo\", \"bar\", \"0\", \"baz\"]"));
        assertResult("\"a,b\"", "concat", s(","), set("[\"b\", \"a\"]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be array of strings but got array containing number",
                "concat", s(","), v("[1]"));
    }

    @Test
    void formatIntTruncates() {
        assertResult("\"f\"", "format_int", v("15.5"), v("16"));
        assertResult("\"3\"", "format_int", v("3.1"), v("10"));
        assertResult("\"-3\"", "format_int", v("-3.9"), v("10"));
        assertResult("\"1010\"", "format_int", v("10"), v("2"));
        assertResult("\"17\"", "format_int", v("15"), v("8"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {2, 8, 10, 16}", "format_int", v("4.1"), v("199"));
    }

    @Test
    void trimFamily() {
        assertResult("\"foo, bar\"", "trim", s("¡¡¡foo, bar!!!"), s("!¡"));
        assertResult("\"oo.ba\"", "trim", s("...foo.bar..."), s(".fr"));
        assertResult("\"foo, bar!!!\"", "trim_left", s("¡¡¡foo, bar!!!"), s("!¡"));
        assertResult("\"¡¡¡foo, bar\"", "trim_right", s("¡¡¡foo, bar!!!"), s("!¡"));
        assertResult("\", bar!!!\"", "trim_prefix", s("¡¡¡foo, bar!!!"), s("¡¡¡foo"));
        assertResult("\"¡¡¡foo, bar!!!\"", "trim_suffix", s("¡¡¡foo, bar!!!"), s(", foo!!!"));
        assertResult("\"foo, bar\"", "trim_space", s(" \t\n foo, bar \n\t\r\n"));
        assertResult("\"x\"", "trim_space", s("\u00a0\u3000x\u2003"));
    }
}
