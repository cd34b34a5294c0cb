package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.assertResult;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.BooleanValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegexAndGlobBuiltinsTest {

    private static final String FUNCTION_ARN = "^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$";

    static Stream<Arguments> arnMatches() {
        return Stream.of(
                Arguments.of(FUNCTION_ARN, "arn:aws:lambda:eu-west-1:123456789012:function:orders", true),
                Arguments.of(FUNCTION_ARN, "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:orders:$LATEST", true),
                Arguments.of(FUNCTION_ARN, "arn:aws:lambda:eu-west-1:12345:function:orders", false),
                Arguments.of(FUNCTION_ARN, "arn:aws:s3:::bucket", false),
                // regex.match searches: an unanchored pattern matches anywhere
                Arguments.of("python3\\.[67]", "runtime python3.7 is deprecated", true),
                Arguments.of("^(nodejs(10|12)\\.x|python2\\.7)$", "nodejs12.x", true),
                Arguments.of("^(nodejs(10|12)\\.x|python2\\.7)$", "nodejs18.x", false),
                Arguments.of("(?i)^ARN:", "arn:aws:iam::123456789012:role/x", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @MethodSource("arnMatches")
    void regexMatchOnArns(String pattern, String value, boolean expected) {
        assertEquals(BooleanValue.of(expected), call("regex.match", s(pattern), s(value)));
        assertEquals(BooleanValue.of(expected), call("re_match", s(pattern), s(value)));
    }

    @Test
    void invalidPatterns() {
        assertFails(ErrorCode.EVAL_BUILTIN, "error parsing regexp", "regex.match", s("["), s("x"));
        assertResult("false", "regex.is_valid", s("++"));
        assertResult("true", "regex.is_valid", s(FUNCTION_ARN));
        assertResult("false", "regex.is_valid", v("10"));
    }

    @Test
    void findSplitReplace() {
        assertResult("[\"ar\", \"an\"]", "regex.find_n", s("a."), s("paranormal"), v("2"));
        assertResult("[]", "regex.find_n", s("bork"), s("paranormal"), v("-1"));
        assertResult("[\"\", \"\", \"\"]", "regex.find_n", s("x*"), s("ab"), v("-1"));
        assertResult("[[\"ab\", \"\"], [\"axb\", \"x\"]]", "regex.find_all_string_submatch_n",
                s("a(x*)b"), s("-ab-axb-"), v("-1"));
        assertResult("[[\"som\", \"o\", \"m\"], [\"ri\", \"i\", \"\"]]", "regex.find_all_string_submatch_n",
                s("[^aouiye]([aouiye])([^aouiye])?"), s("somestri"), v("-1"));
        assertResult("[\"b\", \"n\", \"n\", \"\"]", "regex.split", s("a"), s("banana"));
        assertResult("[\"pi\", \"a\"]", "regex.split", s("z+"), s("pizza"));
        assertResult("[\"\"]", "regex.split", s("^x$"), s(""));
        assertResult("[\"arn\", \"aws\", \"iam\", \"\", \"123\", \"role/x\"]", "regex.split", s(":"), s("arn:aws:iam::123:role/x"));
        assertResult("\"-0-0-\"", "regex.replace", s("-wy-wxxy-"), s("w(x*)y"), s("0"));
        assertResult("\"foofoo\"", "regex.replace", s("foo"), s("(foo)"), s("$1$1"));
        assertResult("\"123456789012\"", "regex.replace", s("arn:aws:lambda:eu-west-1:123456789012:function:f"),
                s("^arn:aws:lambda:[^:]+:(?P<account>\\d+):.*$"), s("${account}"));
        assertResult("\"ac\"", "regex.replace", s("abc"), s("(b)"), s("$1x"));
        assertResult("\"abxc\"", "regex.replace", s("abc"), s("(b)"), s("${1}x"));
    }

    @Test
    void templateMatchAndGlobsMatch() {
        assertResult("true", "regex.template_match", s("urn:foo:{.*}"), s("urn:foo:bar:baz"), s("{"), s("}"));
        assertResult("false", "regex.template_match", s("urn:foo.bar.com:{.*}"), s("urn:foo.com:bar:baz"), s("{"), s("}"));
        assertResult("true", "regex.template_match", s("arn:aws:lambda:<[a-z0-9-]+>:<\\d{12}>:function:<.+>"),
                s("arn:aws:lambda:eu-west-1:123456789012:function:orders"), s("<"), s(">"));
        assertFails(ErrorCode.EVAL_BUILTIN, "unbalanced braces", "regex.template_match", s("urn:{.*"), s("urn:x"), s("{"), s("}"));
        assertResult("true", "regex.globs_match", s("a.a.[0-9]+z"), s(".b.b2359825792*594823z"));
        assertResult("false", "regex.globs_match", s("[a-z]+"), s("[0-9]*"));
        assertResult("true", "regex.globs_match", s("[a-z]+\\[[0-9]+\\]"), s("foo\\[1\\]"));
        assertResult("true", "regex.globs_match", s("b.*"), s("bar"));
        assertResult("false", "regex.globs_match", s("b.*"), s("car"));
    }

    static Stream<Arguments> globs() {
        return Stream.of(
                Arguments.of("api.**.com", "[\".\"]", "api.cdn.github.com", true),
                Arguments.of("*:github:com", "[\":\"]", "api:github:com", true),
                Arguments.of("[abc]at", "[]", "cat", true),
                Arguments.of("[a-c]at", "[]", "fat", false),
                Arguments.of("[!a-c]at", "[]", "fat", true),
                Arguments.of("?at", "[\"f\"]", "fat", false),
                Arguments.of("?at", "[]", "at", false),
                Arguments.of("{cat,bat,[fr]at}", "[]", "rat", true),
                Arguments.of("*", "[\".\"]", "foo.bar", false),
                Arguments.of("*", "[]", "foo.bar", false),
                Arguments.of("*", "null", "foo.bar", true),
                Arguments.of("arn:aws:lambda:*:123456789012:function:*", "[\":\"]",
                        "arn:aws:lambda:eu-west-1:123456789012:function:orders", true),
                Arguments.of("arn:aws:lambda:*:123456789012:function:*", "[\":\"]",
                        "arn:aws:lambda:eu-west-1:123456789012:function:orders:live", false),
                Arguments.of("logs/\\*.txt", "[\"/\"]", "logs/*.txt", true));
    }

    @ParameterizedTest(name = "glob.match({0}, {1}, {2})")
    @MethodSource("globs")
    void globMatch(String pattern, String delimiters, String match, boolean expected) {
        assertEquals(BooleanValue.of(expected), call("glob.match", s(pattern), v(delimiters), s(match)));
    }

    @Test
    void globQuoteMeta() {
        assertResult("\"\\\\*.github.com\"", "glob.quote_meta", s("*.github.com"));
        assertResult("\"\\\\[a\\\\]\\\\{b\\\\}\\\\?\"", "glob.quote_meta", s("[a]{b}?"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {array, null} but got string",
                "glob.match", s("*"), s("."), s("x"));
    }
}
