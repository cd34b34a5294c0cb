package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompilerTest {

    private static RegoException compileError(String source) {
        return assertThrows(RegoException.class, () -> Rego.compiler().module("t.rego", source).compile());
    }

    @Test
    void stagesRunInDocumentedOrder() {
        assertEquals(List.of("ResolveNames", "BuildRuleTree", "CheckSafety", "CheckFunctions", "CheckRecursion",
                "BuildRuleIndex"), Compiler.stageNames());
    }

    @Test
    void unsafeVariableIsReportedWithLocation() {
        RegoException e = compileError("package p\nq if {\n  x > 1\n}");

        assertEquals(ErrorCode.UNSAFE_VAR, e.code());
        assertEquals("var x is unsafe", e.errors().get(0).message());
        assertEquals(3, e.errors().get(0).location().line());
    }

    @Test
    void bodyIsReorderedSoBindingsComeFirst() {
        var policy = Rego.compiler().module("t.rego", "package p\nq := y if {\n  y > 1\n  y = 2\n}").compile();

        assertEquals("2", policy.evaluate("data.p.q", dev.lambdashield.rego.EvalOptions.defaults()).orElseThrow().toString());
    }

    @Test
    void recursionIsRejected() {
        RegoException e = compileError("package p\na if b\nb if a");

        assertEquals(ErrorCode.RECURSION, e.code());
        assertTrue(e.errors().get(0).message().contains("is recursive"), e.getMessage());
    }

    @Test
    void unknownFunctionIsTypeError() {
        RegoException e = compileError("package p\nq if no_such_function(1)");

        assertEquals(ErrorCode.TYPE, e.code());
        assertEquals("undefined function no_such_function", e.errors().get(0).message());
    }

    @Test
    void wrongArityIsTypeError() {
        RegoException e = compileError("package p\nq if count([1], [2], [3])");

        assertEquals(ErrorCode.TYPE, e.code());
        assertTrue(e.errors().get(0).message().startsWith("count: arity mismatch"), e.getMessage());
    }

    @Test
    void constantArgumentOfWrongTypeIsTypeError() {
        RegoException e = compileError("package p\nq := upper(1)");

        assertEquals(ErrorCode.TYPE, e.code());
        assertTrue(e.errors().get(0).message().startsWith("upper: invalid argument(s)"), e.getMessage());
    }

    @Test
    void mixedRuleKindsConflict() {
        RegoException e = compileError("package p\nq := 1\nq contains 2");

        assertEquals(ErrorCode.TYPE, e.code());
        assertEquals("conflicting rules data.p.q found", e.errors().get(0).message());
    }

    @Test
    void secondDefaultIsRejected() {
        RegoException e = compileError("package p\ndefault q := 1\ndefault q := 2");

        assertEquals("multiple default rules data.p.q found", e.errors().get(0).message());
    }

    @Test
    void reassignmentInOneScopeIsRejected() {
        RegoException e = compileError("package p\nq if {\n  x := 1\n  x := 2\n}");

        assertEquals(ErrorCode.COMPILE, e.code());
        assertEquals("var x assigned above", e.errors().get(0).message());
    }

    @Test
    void removedBuiltinsAreUnknownInV1() {
        RegoException e = compileError("package p\nq if any([true])");

        assertEquals("undefined function any", e.errors().get(0).message());
    }

    @Test
    void ruleIndexFindsInputEquality() {
        var module = dev.lambdashield.rego.parse.RegoParser.parseModule("t.rego",
                "package p\nq if {\n  input.type == \"AWS::Lambda::Function\"\n  input.x > 1\n}", true);
        var rule = Compiler.compile(List.of(module), new FunctionLookup(dev.lambdashield.rego.builtins.Builtins.defaultRegistry()))
                .ruleTree().find(List.of("p", "q")).rules().rules().get(0);

        assertEquals("[\"type\"]", rule.index().inputPath().toString());
        assertEquals("\"AWS::Lambda::Function\"", rule.index().expected().toString());
    }
}
