package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.StringValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateRendererTest {

    private static final String VARS = """
            {"name": "orders", "runtime": "python3.8", "memory": 1024, "ratio": 0.5, "big": 1000000,
             "tags": ["a", "b"], "env": {"STAGE": "prod", "DEBUG": "0"}, "empty": [], "flag": false}""";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{{.name}} runs {{.runtime}}", "orders runs python3.8"),
                Arguments.of("{{.memory}} {{.ratio}} {{.big}}", "1024 0.5 1e+06"),
                Arguments.of("{{.tags}} {{.env}}", "[a b] map[DEBUG:0 STAGE:prod]"),
                Arguments.of("{{.env.STAGE}}", "prod"),
                Arguments.of("{{range .tags}}<{{.}}>{{end}}", "<a><b>"),
                Arguments.of("{{range $i, $t := .tags}}{{$i}}={{$t}};{{end}}", "0=a;1=b;"),
                Arguments.of("{{range $k, $v := .env}}{{$k}}:{{$v}} {{end}}", "DEBUG:0 STAGE:prod "),
                Arguments.of("{{range .empty}}x{{else}}none{{end}}", "none"),
                Arguments.of("{{if .flag}}yes{{else if eq .runtime \"python3.8\"}}old{{else}}no{{end}}", "old"),
                Arguments.of("{{with .env}}{{.STAGE}}{{end}}", "prod"),
                Arguments.of("{{if gt .memory 512.0}}large{{end}}", "large"),
                Arguments.of("{{len .tags}} {{index .tags 1}} {{index .env \"STAGE\"}}", "2 b prod"),
                Arguments.of("{{.name | printf \"%q\"}}", "\"orders\""),
                Arguments.of("{{printf \"%s-%v\" .name .memory}}", "orders-1024"),
                Arguments.of("{{$n := .name}}{{$n}}!", "orders!"),
                Arguments.of("a  {{- .name -}}  b", "aordersb"),
                Arguments.of("x{{/* a comment */}}y", "xy"),
                Arguments.of("{{not .flag}} {{and .name .flag}} {{or .flag .name}}", "true false orders"),
                Arguments.of("{{range $i, $name := .tags}}{{if $i}},{{end}}hello {{$name}}{{end}}", "hello a,hello b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersLikeGoTemplates(String template, String expected) {
        assertEquals(StringValue.of(expected), call("strings.render_template", s(template), v(VARS)));
    }

    @Test
    void missingKeysPrintUndefined() {
        assertEquals(StringValue.of("test <undefined> <undefined> 1"),
                call("strings.render_template", s("test {{.foo}} {{.bar.baz}} {{.baz}}"), v("{\"baz\": 1}")));
        assertEquals(StringValue.of("no"), call("strings.render_template", s("{{if .foo}}yes{{else}}no{{end}}"), v("{}")));
    }

    @Test
    void malformedTemplateFails() {
        assertFails(ErrorCode.EVAL_BUILTIN, "unexpected EOF", "strings.render_template", s("{{if .flag}}x"), v(VARS));
    }
}
