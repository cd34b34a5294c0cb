package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.assertFails;
import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.set;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GraphBuiltinsTest {

    /** Lambda functions and the roles and policies they reach, as a policy might model access paths. */
    private static final String ACCESS = "{\"fn:orders\": [\"role:orders\"], \"role:orders\": [\"policy:s3-read\", \"policy:kms\"],"
            + " \"policy:s3-read\": [\"bucket:orders\"], \"policy:kms\": [], \"bucket:orders\": []}";

    @Test
    void reachableFollowsEdges() {
        assertEquals(set("[\"fn:orders\", \"role:orders\", \"policy:s3-read\", \"policy:kms\", \"bucket:orders\"]"),
                call("graph.reachable", v(ACCESS), set("[\"fn:orders\"]")));
        assertEquals(set("[\"a\", \"b\", \"c\"]"), call("graph.reachable", v("{\"a\": [\"b\"], \"b\": [\"c\"], \"c\": [\"a\"]}"), v("[\"a\"]")));
        assertEquals(SetValue.EMPTY, call("graph.reachable", v("{}"), set("[\"a\"]")));
        assertEquals(set("[\"a\"]"), call("graph.reachable", v("{\"a\": null}"), v("[\"a\"]")));
    }

    @Test
    void reachableRejectsBadOperands() {
        assertFails(ErrorCode.EVAL_TYPE, "operand 1 must be object but got number", "graph.reachable", v("1"), v("[1]"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {array, set} but got string", "graph.reachable", v("{\"a\": []}"), s("a"));
        assertFails(ErrorCode.EVAL_TYPE, "operand 2 must be one of {array, set} but got string", "graph.reachable_paths", v("{\"a\": []}"), s("a"));
    }

    @Test
    void reachablePathsStopAtCyclesAndMissingNodes() {
        assertEquals(set("[[\"fn:orders\", \"role:orders\", \"policy:s3-read\", \"bucket:orders\"], [\"fn:orders\", \"role:orders\", \"policy:kms\"]]"),
                call("graph.reachable_paths", v(ACCESS), set("[\"fn:orders\"]")));
        assertEquals(set("[[\"a\", \"b\", \"c\"]]"), call("graph.reachable_paths", v("{\"a\": [\"b\"], \"b\": [\"c\"], \"c\": [\"a\"]}"), v("[\"a\"]")));
        assertEquals(set("[[\"a\", \"b\"], [\"b\"]]"),
                call("graph.reachable_paths", v("{\"a\": [\"b\"], \"b\": [\"nonexistent\"]}"), set("[\"a\", \"b\"]")));
        assertEquals(set("[[\"a\"]]"), call("graph.reachable_paths", v("{\"a\": null}"), v("[\"a\"]")));
        String graph = "{\"one\": [\"two\", \"five\"], \"two\": [\"four\"], \"three\": [\"\"], \"four\": [\"three\"],"
                + " \"five\": [\"seven\", \"six\"], \"six\": [\"nine\", \"seven\"], \"seven\": [\"eight\"], \"eight\": [\"three\"], \"nine\": [\"\"]}";
        assertEquals(set("[[\"one\", \"five\", \"seven\", \"eight\", \"three\"], [\"one\", \"five\", \"six\"],"
                        + " [\"one\", \"five\", \"six\", \"nine\"], [\"one\", \"two\", \"four\", \"three\"]]"),
                call("graph.reachable_paths", v(graph), set("[\"one\"]")));
    }

    @Test
    void longChainDoesNotOverflowTheStack() {
        ObjectValue.Builder chain = ObjectValue.builder();
        int length = 20_000;
        for (int i = 0; i < length; i++) {
            chain.put(NumberValue.of(i), i + 1 < length ? ArrayValue.of(NumberValue.of(i + 1)) : ArrayValue.EMPTY);
        }
        ObjectValue graph = chain.build();
        SetValue paths = (SetValue) call("graph.reachable_paths", graph, ArrayValue.of(NumberValue.of(0)));
        assertEquals(1, paths.size());
        List<Value> expected = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            expected.add(NumberValue.of(i));
        }
        assertEquals(ArrayValue.of(expected), paths.elements().first());
        assertEquals(length, ((SetValue) call("graph.reachable", graph, ArrayValue.of(NumberValue.of(0)))).size());
    }
}
