package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Annotations;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Head;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.StringValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegoParserTest {

    private static Module v1(String source) {
        return RegoParser.parseModule("t.rego", source, true);
    }

    private static Module v0(String source) {
        return RegoParser.parseModule("t.rego", source, false);
    }

    private static Expr firstExpr(Module module) {
        return module.rules().get(0).body().exprs().get(0);
    }

    @Test
    void v1ModuleHasPackageImportsAndRuleKinds() {
        Module m = v1("""
                package lambda_shield.tracing
                import data.lib.helpers as h
                deny contains msg if { msg := "x" }
                allow := true if input.ok
                f(x) := x + 1
                obj[k] := 1 if some k in ["a"]
                """);

        assertEquals(List.of("lambda_shield", "tracing"), m.pkg().names());
        assertEquals("h", m.imports().get(0).boundName());
        assertEquals(Head.Kind.MULTI_VALUE, m.rules().get(0).head().kind());
        assertEquals(Head.Kind.SINGLE_VALUE, m.rules().get(1).head().kind());
        assertEquals(Head.Kind.FUNCTION, m.rules().get(2).head().kind());
        assertEquals(2, m.rules().get(3).head().ref().size());
    }

    @Test
    void operatorsFollowOpaPrecedence() {
        Module m = v1("package p\nr if { x := 1 + 2 * 3 - 4 % 2 }\ns if { a == b | c & d }\nt if { 1 in [1] == true }");

        assertEquals("assign(x, minus(plus(1, mul(2, 3)), rem(4, 2)))", firstExpr(m).term().toString());
        assertEquals("equal(a, or(b, and(c, d)))", m.rules().get(1).body().exprs().get(0).term().toString());
        Call in = (Call) m.rules().get(2).body().exprs().get(0).term();
        assertEquals("internal.member_2", in.name());
    }

    @Test
    void rawStringsAndBigNumbersKeepTheirText() {
        Module m = v1("package p\ns := `a\\b\n\"c\"`\nn := 123456789012345678901234567890\ne := 1e400");

        Scalar s = (Scalar) m.rules().get(0).head().value();
        assertEquals(StringValue.of("a\\b\n\"c\""), s.value());
        NumberValue n = (NumberValue) ((Scalar) m.rules().get(1).head().value()).value();
        assertEquals(new BigDecimal("123456789012345678901234567890"), n.bigDecimal());
        NumberValue e = (NumberValue) ((Scalar) m.rules().get(2).head().value()).value();
        assertEquals(new BigDecimal("1e400"), e.bigDecimal());
    }

    @Test
    void oneParseReportsEveryRuleError() {
        RegoException e = assertThrows(RegoException.class, () -> v1("""
                package p
                a if { x := }
                b := [1, 2 3]
                c if { 1 + }
                d := 4
                """));

        assertEquals(3, e.errors().size());
        for (RegoError error : e.errors()) {
            assertEquals(ErrorCode.PARSE, error.code());
            assertEquals("t.rego", error.location().file());
        }
        assertEquals(List.of(2, 3, 4), e.errors().stream().map(err -> err.location().line()).toList());
    }

    @Test
    void v1RequiresIfBeforeBody() {
        RegoException e = assertThrows(RegoException.class, () -> v1("package p\np { true }"));

        assertTrue(e.errors().get(0).message().contains("`if` keyword is required"), e.getMessage());
    }

    @Test
    void v0ReadsPartialSetsAndElseChains() {
        Module m = v0("package p\nq[x] { x := 1 }\nr = 1 { false } else = 2 { true }");

        Rule set = m.rules().get(0);
        assertEquals(Head.Kind.MULTI_VALUE, set.head().kind());
        Rule withElse = m.rules().get(1);
        assertEquals("2", withElse.elseRule().head().value().toString());
    }

    @Test
    void v0KeywordsNeedFutureImport() {
        assertThrows(RegoException.class, () -> v0("package p\nq { 1 in [1] }"));

        Module m = v0("package p\nimport future.keywords.in\nq { 1 in [1] }");
        assertEquals("internal.member_2", ((Call) firstExpr(m).term()).name());
    }

    @Test
    void regoV1ImportSwitchesV0ModuleToV1() {
        Module m = v0("package p\nimport rego.v1\nq contains 1 if true");

        assertTrue(m.v1());
        assertEquals(Head.Kind.MULTI_VALUE, m.rules().get(0).head().kind());
    }

    @Test
    void metadataBlocksAttachToPackageAndRule() {
        Module m = v1("""
                # METADATA
                # title: Lambda checks
                package p

                # METADATA
                # title: Tracing
                # authors:
                # - Jane Doe <jane@example.com>
                # custom:
                #   severity: LOW
                deny contains 1 if true
                """);

        Annotations pkg = m.packageAnnotations().get(0);
        assertEquals("package", pkg.scope());
        Annotations rule = m.rules().get(0).annotations().get(0);
        assertEquals("rule", rule.scope());
        assertEquals("{\"authors\": [{\"email\": \"jane@example.com\", \"name\": \"Jane Doe\"}], "
                + "\"custom\": {\"severity\": \"LOW\"}, \"scope\": \"rule\", \"title\": \"Tracing\"}", rule.fields().toString());
    }

    @Test
    void invalidMetadataYamlIsParseError() {
        RegoException e = assertThrows(RegoException.class, () -> v1("package p\n# METADATA\n# title: [unclosed\nq := 1"));

        assertEquals(ErrorCode.PARSE, e.code());
    }

    @Test
    void queryAndTermParse() {
        assertEquals(2, RegoParser.parseQuery("x := 1; y = x", true).exprs().size());
        assertEquals("{\"a\": [1, set()]}", RegoParser.parseTerm("{\"a\": [1, set()]}").toString());
    }

    @Test
    void deepNestingIsReportedNotOverflowed() {
        String deep = "package p\nq := " + "[".repeat(5000) + "]".repeat(5000);

        RegoException e = assertThrows(RegoException.class, () -> v1(deep));
        assertEquals(ErrorCode.PARSE, e.code());
    }
}
