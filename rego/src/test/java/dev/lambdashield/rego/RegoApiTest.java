package dev.lambdashield.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegoApiTest {

    private static final String TRACING = """
            # METADATA
            # title: Lambda tracing
            package lambda_shield.tracing

            import rego.v1

            # METADATA
            # title: X-Ray tracing must be active
            # custom:
            #   severity: LOW
            deny contains {"message": msg} if {
                input.resource.configuration.tracingConfig.mode != "Active"
                msg := sprintf("function %s does not use active tracing", [input.resource.resourceName])
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CompiledPolicy tracingPolicy() {
        return Rego.compiler().regoVersion(RegoVersion.V1).module("policies/tracing.rego", TRACING).compile();
    }

    private static JsonNode resource(String name, String mode) throws Exception {
        return JSON.readTree("{\"resource\": {\"resourceName\": \"" + name
                + "\", \"configuration\": {\"tracingConfig\": {\"mode\": \"" + mode + "\"}}}}");
    }

    @Test
    void evaluatesDenyForPassThroughTracing() throws Exception {
        EvalOptions options = EvalOptions.builder().input(resource("fn", "PassThrough")).build();

        Value deny = tracingPolicy().evaluate("data.lambda_shield.tracing.deny", options).orElseThrow();

        assertEquals("{{\"message\": \"function fn does not use active tracing\"}}", deny.toString());
    }

    @Test
    void queryBindsVariables() throws Exception {
        EvalOptions options = EvalOptions.builder().input(resource("fn", "Active")).build();

        List<Map<String, Value>> rows = tracingPolicy().query("data.lambda_shield.tracing.deny[msg]", options);

        assertTrue(rows.isEmpty());
    }

    @Test
    void undefinedInputLeavesDenyEmpty() {
        Value deny = tracingPolicy().evaluate("data.lambda_shield.tracing.deny", EvalOptions.defaults()).orElseThrow();

        assertEquals("set()", deny.toString());
    }

    @Test
    void exposesAnnotationsAndPackages() {
        CompiledPolicy policy = tracingPolicy();

        assertEquals(Set.of("data.lambda_shield.tracing"), policy.packages());
        List<Annotation> annotations = policy.annotations();
        assertEquals(2, annotations.size());
        assertEquals("package", annotations.get(0).scope());
        assertEquals("data.lambda_shield.tracing", annotations.get(0).path());
        Annotation rule = annotations.get(1);
        assertEquals("data.lambda_shield.tracing.deny", rule.path());
        assertEquals(7, rule.location().line());
        assertEquals("{\"severity\": \"LOW\"}", rule.fields().get("custom").toString());
    }

    @Test
    void concurrentEvaluationsAgree() throws Exception {
        CompiledPolicy policy = tracingPolicy();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "fn" + i;
                String mode = i % 2 == 0 ? "Active" : "PassThrough";
                JsonNode input = resource(name, mode);
                futures.add(pool.submit(() -> policy.evaluate("data.lambda_shield.tracing.deny",
                        EvalOptions.builder().input(input).build()).orElseThrow().toString()));
            }
            for (int i = 0; i < futures.size(); i++) {
                String expected = i % 2 == 0 ? "set()"
                        : "{{\"message\": \"function fn" + i + " does not use active tracing\"}}";
                assertEquals(expected, futures.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void compileErrorsListEveryModule() {
        RegoException e = assertThrows(RegoException.class, () -> Rego.compiler()
                .module("a.rego", "package a\np if {")
                .module("b.rego", "package b\nq := ]")
                .compile());

        assertEquals(2, e.errors().size());
        assertEquals("a.rego", e.errors().get(0).location().file());
        assertEquals("b.rego", e.errors().get(1).location().file());
    }

    @Test
    void malformedQueryIsParseError() {
        RegoException e = assertThrows(RegoException.class,
                () -> tracingPolicy().query("data.x[", EvalOptions.defaults()));

        assertEquals(ErrorCode.PARSE, e.code());
    }

    @Test
    void evaluateJsonReturnsJacksonTree() throws Exception {
        EvalOptions options = EvalOptions.builder().input(resource("fn", "PassThrough")).build();

        JsonNode deny = tracingPolicy().evaluateJson("data.lambda_shield.tracing.deny", options).orElseThrow();

        assertEquals("[{\"message\":\"function fn does not use active tracing\"}]", deny.toString());
    }

    @Test
    void deeplyNestedInputDoesNotOverflow() {
        String deep = "[".repeat(900) + "]".repeat(900);
        CompiledPolicy policy = Rego.compiler().module("t.rego", "package p\nn := count([x | walk(input, x)])").compile();

        Value n = policy.evaluate("data.p.n", EvalOptions.builder().inputJson(deep).build()).orElseThrow();

        assertEquals("900", n.toString());
    }

    @Test
    void smallThreadStackGivesCodedErrors() throws Exception {
        String nested = "package p\nq := " + "[".repeat(450) + "]".repeat(450);
        List<Throwable> thrown = new ArrayList<>();
        Thread small = new Thread(null, () -> {
            try {
                Rego.compiler().module("t.rego", nested).compile().evaluate("data.p.q", EvalOptions.defaults());
            } catch (Throwable t) {
                thrown.add(t);
            }
        }, "small-stack", 256 * 1024);

        small.start();
        small.join(60_000);

        assertEquals(1, thrown.size());
        assertTrue(thrown.get(0) instanceof RegoException, thrown.get(0).toString());
    }
}
