package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.RegoVersion;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.Value;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {

    private static CompiledPolicy policy(String source) {
        return Rego.compiler().module("t.rego", source).compile();
    }

    private static String eval(String source, String ref) {
        return eval(source, ref, EvalOptions.defaults());
    }

    private static String eval(String source, String ref, EvalOptions options) {
        Optional<Value> value = policy(source).evaluate(ref, options);
        return value.map(Value::toString).orElse("undefined");
    }

    private static EvalOptions input(String json) {
        return EvalOptions.builder().inputJson(json).build();
    }

    @Test
    void undefinedDiffersFromFalse() {
        String src = "package p\nf := false\nu if input.missing\nn if not u";

        assertEquals("false", eval(src, "data.p.f"));
        assertEquals("undefined", eval(src, "data.p.u"));
        assertEquals("true", eval(src, "data.p.n"));
        assertEquals("[]", policy(src).query("data.p.f", EvalOptions.defaults()).toString());
        assertEquals("[{x=false}]", policy(src).query("x = data.p.f", EvalOptions.defaults()).toString());
    }

    @Test
    void completeRuleConflictIsError() {
        RegoException e = assertThrows(RegoException.class,
                () -> eval("package p\nq := x if some x in [1, 2]", "data.p.q"));

        assertEquals(ErrorCode.EVAL_CONFLICT, e.code());
        assertTrue(e.getMessage().contains("complete rules must not produce multiple outputs"), e.getMessage());
    }

    @Test
    void functionConflictIsError() {
        RegoException e = assertThrows(RegoException.class,
                () -> eval("package p\nf(x) := 1\nf(x) := 2\nq := f(0)", "data.p.q"));

        assertTrue(e.getMessage().contains("functions must not produce multiple outputs for same inputs"));
    }

    @Test
    void partialObjectKeyConflictIsError() {
        RegoException e = assertThrows(RegoException.class,
                () -> eval("package p\nq[k] := v if { some v in [1, 2]; k := \"a\" }", "data.p.q"));

        assertEquals("object keys must be unique", e.errors().get(0).message());
    }

    @Test
    void elseChainAndDefault() {
        String src = """
                package p
                default level := "none"
                level := "high" if input.x > 10
                else := "low" if input.x > 0
                """;

        assertEquals("\"high\"", eval(src, "data.p.level", input("{\"x\": 11}")));
        assertEquals("\"low\"", eval(src, "data.p.level", input("{\"x\": 1}")));
        assertEquals("\"none\"", eval(src, "data.p.level", input("{\"x\": -1}")));
    }

    @Test
    void partialSetsObjectsAndRefHeads() {
        String src = """
                package p
                s contains x if some x in [3, 1, 3]
                o[k] := v if some k, v in {"a": 1}
                a.b[k].c := 2 if some k in ["x", "y"]
                """;

        assertEquals("{1, 3}", eval(src, "data.p.s"));
        assertEquals("{\"a\": 1}", eval(src, "data.p.o"));
        assertEquals("{\"b\": {\"x\": {\"c\": 2}, \"y\": {\"c\": 2}}}", eval(src, "data.p.a"));
        assertEquals("2", eval(src, "data.p.a.b.y.c"));
    }

    @Test
    void dataMergesBaseAndVirtualDocuments() {
        CompiledPolicy p = Rego.compiler()
                .module("t.rego", "package lib\nv := 1")
                .data(dev.lambdashield.rego.value.ValueJson.parse("{\"lib\": {\"base\": 2}, \"other\": 3}"))
                .compile();

        assertEquals("{\"base\": 2, \"v\": 1}", p.evaluate("data.lib", EvalOptions.defaults()).orElseThrow().toString());
        assertEquals("3", p.evaluate("data.other", EvalOptions.defaults()).orElseThrow().toString());
    }

    @Test
    void everyAndSomeIn() {
        String src = """
                package p
                all_positive if every x in input.xs { x > 0 }
                has_two if { some x in input.xs; x == 2 }
                """;

        assertEquals("true", eval(src, "data.p.all_positive", input("{\"xs\": [1, 2]}")));
        assertEquals("undefined", eval(src, "data.p.all_positive", input("{\"xs\": [1, -2]}")));
        assertEquals("true", eval(src, "data.p.has_two", input("{\"xs\": [1, 2]}")));
    }

    @Test
    void comprehensionsCaptureOuterBindings() {
        String src = "package p\nq := r if { y := 2; r := [x * y | some x in [1, 2]] }\nz := {k: v | some k, v in {\"a\": 1}}";

        assertEquals("[2, 4]", eval(src, "data.p.q"));
        assertEquals("{\"a\": 1}", eval(src, "data.p.z"));
    }

    @Test
    void withReplacesInputDataAndFunctions() {
        String src = """
                package p
                f(x) := x + 1
                g(x) := x * 10
                uses_input := input.v
                uses_data := data.cfg.v
                via_f := f(1)
                t1 := x if x := uses_input with input.v as 5
                t2 := x if x := uses_data with data.cfg.v as 6
                t3 := x if x := via_f with f as g
                t4 := x if x := via_f with f as 7
                t5 := x if x := count([1, 2]) with count as 9
                """;

        assertEquals("5", eval(src, "data.p.t1"));
        assertEquals("6", eval(src, "data.p.t2"));
        assertEquals("10", eval(src, "data.p.t3"));
        assertEquals("7", eval(src, "data.p.t4"));
        assertEquals("9", eval(src, "data.p.t5"));
        assertEquals("2", eval(src, "data.p.via_f"));
    }

    @Test
    void negationOfUnboundWildcard() {
        String src = "package p\nempty if not input.xs[_]";

        assertEquals("true", eval(src, "data.p.empty", input("{\"xs\": []}")));
        assertEquals("undefined", eval(src, "data.p.empty", input("{\"xs\": [1]}")));
    }

    @Test
    void builtinErrorsAreUndefinedUnlessStrict() {
        String src = "package p\nq := x if x := 1 / input.d";

        assertEquals("undefined", eval(src, "data.p.q", input("{\"d\": 0}")));
        RegoException e = assertThrows(RegoException.class, () -> eval(src, "data.p.q",
                EvalOptions.builder().inputJson("{\"d\": 0}").strictBuiltinErrors(true).build()));
        assertEquals(ErrorCode.EVAL_BUILTIN, e.code());
        assertTrue(e.errors().get(0).message().startsWith("div: "), e.getMessage());
        assertEquals(2, e.errors().get(0).location().line());
    }

    @Test
    void printWritesToSink() {
        List<String> lines = new ArrayList<>();
        EvalOptions options = EvalOptions.builder().inputJson("{\"a\": 1}").printSink(lines::add).build();

        eval("package p\nq if { print(\"a is\", input.a, input.missing) }", "data.p.q", options);

        assertEquals(List.of("a is 1 <undefined>"), lines);
    }

    @Test
    void walkGeneratesEveryPath() {
        String src = "package p\npaths := {p | walk(input, [p, _])}";

        assertEquals("{[], [\"a\"], [\"a\", 0]}", eval(src, "data.p.paths", input("{\"a\": [7]}")));
    }

    @Test
    void metadataRuleAndChain() {
        String src = """
                # METADATA
                # title: pkg
                package p

                # METADATA
                # title: rule q
                q := rego.metadata.rule()

                # METADATA
                # title: rule c
                c := rego.metadata.chain()
                """;

        assertEquals("{\"scope\": \"rule\", \"title\": \"rule q\"}", eval(src, "data.p.q"));
        assertTrue(eval(src, "data.p.c").contains("\"path\": [\"p\"]"));
    }

    @Test
    void passedDeadlineCancels() {
        EvalOptions late = EvalOptions.builder().deadline(Instant.now().minusSeconds(1)).build();

        RegoException e = assertThrows(RegoException.class,
                () -> policy("package p\nq := count([x | some x in numbers.range(1, 100000)])").evaluate("data.p.q", late));
        assertEquals(ErrorCode.EVAL_CANCEL, e.code());
    }

    @Test
    void deepRuleChainIsCancelled() {
        StringBuilder src = new StringBuilder("package p\nr0 := 0\n");
        for (int i = 1; i <= 3000; i++) {
            src.append("r").append(i).append(" := r").append(i - 1).append(" + 1\n");
        }
        CompiledPolicy p = Rego.compiler().module("t.rego", src.toString()).compile();

        RegoException e = assertThrows(RegoException.class, () -> p.evaluate("data.p.r3000", EvalOptions.defaults()));
        assertEquals(ErrorCode.EVAL_CANCEL, e.code());
    }

    @Test
    void queryReturnsBindingsPerSolution() {
        List<Map<String, Value>> rows = policy("package p\ns contains x if some x in [1, 2]")
                .query("data.p.s[x]", EvalOptions.defaults());

        assertEquals("[{x=1}, {x=2}]", rows.toString());
    }

    @Test
    void v0ModuleEvaluates() {
        CompiledPolicy p = Rego.compiler().regoVersion(RegoVersion.V0)
                .module("t.rego", "package p\nq[x] { x := input.xs[_] }").compile();

        assertEquals("{1, 2}", p.evaluate("data.p.q", input("{\"xs\": [2, 1, 2]}")).orElseThrow().toString());
    }

    @Test
    void ruleIndexSkipsOtherResourceTypes() {
        String src = """
                package p
                deny contains "lambda" if { input.type == "AWS::Lambda::Function"; input.x > 1 }
                deny contains "bucket" if { input.type == "AWS::S3::Bucket" }
                """;

        assertEquals("{\"lambda\"}", eval(src, "data.p.deny", input("{\"type\": \"AWS::Lambda::Function\", \"x\": 2}")));
        assertEquals("{\"bucket\"}", eval(src, "data.p.deny", input("{\"type\": \"AWS::S3::Bucket\"}")));
        assertEquals("set()", eval(src, "data.p.deny", input("{\"x\": 2}")));
    }

    @Test
    void assignmentInComprehensionShadowsOuterVariable() {
        String src = "package p\nq := [x, y] if { x := 1; y := [x | x := 2] }";

        assertEquals("[1, [2]]", eval(src, "data.p.q"));
    }

    @Test
    void importAliasesResolve() {
        CompiledPolicy p = Rego.compiler()
                .module("lib.rego", "package lib.util\ndouble(x) := x * 2\nlimit := 3")
                .module("main.rego", "package main\nimport data.lib.util as u\nimport input.resource as r\n"
                        + "q := u.double(r.n) if r.n < u.limit")
                .compile();

        assertEquals("4", p.evaluate("data.main.q", input("{\"resource\": {\"n\": 2}}")).orElseThrow().toString());
    }

    @Test
    void withOnDataReplacesVirtualDocument() {
        String src = "package p\nlimits := {\"max\": 1}\nok if input.n <= data.p.limits.max\n"
                + "t if { ok with data.p.limits as {\"max\": 5} with input.n as 4 }";

        assertEquals("true", eval(src, "data.p.t"));
        assertEquals("undefined", eval(src, "data.p.ok", input("{\"n\": 4}")));
    }
}
