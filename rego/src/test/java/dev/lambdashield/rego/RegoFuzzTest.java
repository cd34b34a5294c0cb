package dev.lambdashield.rego;

import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds random and mutated source to the parser and compiler, and random inputs to evaluation.
 * Whatever comes in, the engine either succeeds or raises a {@link RegoException} whose errors
 * carry a code; any other exception is a bug.
 */
class RegoFuzzTest {

    private static final List<String> CORPUS = List.of(
            """
            package fuzz
            import rego.v1
            deny contains {"message": msg} if {
                some fn in input.functions
                fn.runtime in {"python2.7", "nodejs12.x"}
                msg := sprintf("%s uses %s", [fn.name, fn.runtime])
            }
            """,
            """
            package fuzz
            default allow := false
            allow if { every x in input.xs { x > 0 }; count(input.xs) > 1 }
            f(x) := y if { y := x * 2 } else := 0
            obj[k] := v if some k, v in input.m
            a.b[c] := 1 if c := input.c
            z := [x | x := input.xs[_]; not x == 3] if true
            w := q with input as {"xs": [1]} if { q := count(input.xs) }
            """,
            """
            package fuzz.v
            r := `raw \\ string` if 1 + 2 * 3 - 4 / 2 % 3 >= 0 | 1 & 2 == 1
            s := {k: v | some k in ["a"]; v := upper(k)}
            t := {x | some x in numbers.range(1, 3)}
            """);

    private static final List<String> TOKENS = List.of("package", "import", "if", "contains", "else", "default",
            "some", "every", "in", "not", "with", "as", ":=", "=", "==", "!=", "<", "<=", "{", "}", "[", "]", "(",
            ")", ",", ";", ".", "|", "&", "+", "-", "*", "/", "%", "\n", " ", "x", "input", "data", "p", "\"s\"",
            "`raw`", "1", "1.5e3", "-2", "true", "null", "# METADATA\n# title: t\n", "_", "count", "sprintf");

    private static final String EVAL_POLICY = """
            package fuzz
            import rego.v1
            a := count(input) if true
            b contains k if some k, _ in input
            c := [x | walk(input, [_, x])]
            d := input.x + 1
            e := sprintf("%v", [input])
            f := {t | some v in input; t := type_name(v)}
            g if every v in input { v != null }
            h := object.get(input, "k", 0)
            i := input[0][1].z
            """;

    @Property(tries = 300)
    void randomSourceRaisesOnlyCodedErrors(@ForAll("tokenSoup") String source) {
        compileExpectingCodedErrors(source);
    }

    @Property(tries = 300)
    void mutatedSourceRaisesOnlyCodedErrors(@ForAll("mutatedSource") String source) {
        compileExpectingCodedErrors(source);
    }

    @Property(tries = 200)
    void randomInputRaisesOnlyCodedErrors(@ForAll long seed) {
        CompiledPolicy policy = Rego.compiler().module("fuzz.rego", EVAL_POLICY).compile();
        Value input = randomValue(new Random(seed), 4);
        EvalOptions options = EvalOptions.builder()
                .input(input)
                .strictBuiltinErrors(seed % 2 == 0)
                .deadline(Instant.now().plus(Duration.ofSeconds(10)))
                .build();
        try {
            policy.evaluate("data.fuzz", options);
        } catch (RegoException e) {
            e.errors().forEach(err -> assertNotNull(err.code()));
        } catch (RuntimeException | StackOverflowError e) {
            fail("input " + input + " raised " + e, e);
        }
    }

    private static void compileExpectingCodedErrors(String source) {
        try {
            CompiledPolicy policy = Rego.compiler().module("fuzz.rego", source).compile();
            for (String pkg : policy.packages()) {
                policy.evaluate(pkg, EvalOptions.builder().deadline(Instant.now().plusSeconds(5)).build());
            }
        } catch (RegoException e) {
            e.errors().forEach(err -> assertNotNull(err.code()));
        } catch (RuntimeException | StackOverflowError e) {
            fail("source raised " + e + ":\n" + source, e);
        }
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(tokens -> "package fuzz\n" + String.join(" ", tokens));
    }

    @Provide
    Arbitrary<String> mutatedSource() {
        return Arbitraries.longs().map(seed -> mutate(new Random(seed)));
    }

    /** Applies one to five random edits to a valid module: deletions, duplications and token insertions. */
    private static String mutate(Random random) {
        StringBuilder text = new StringBuilder(CORPUS.get(random.nextInt(CORPUS.size())));
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits && text.length() > 1; i++) {
            int at = random.nextInt(text.length());
            int length = 1 + random.nextInt(Math.min(12, text.length() - at));
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, at + length);
                case 1 -> text.insert(at, text.substring(at, at + length));
                default -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
            }
        }
        return text.toString();
    }

    private static Value randomValue(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0:
                return NullValue.INSTANCE;
            case 1:
                return BooleanValue.of(random.nextBoolean());
            case 2:
                return random.nextBoolean() ? NumberValue.of(random.nextInt(200) - 100)
                        : NumberValue.of(random.nextDouble() * 1e6);
            case 3:
                return StringValue.of(Long.toString(random.nextLong(), 36));
            case 4: {
                List<Value> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(randomValue(random, depth - 1));
                }
                return ArrayValue.of(elements);
            }
            default: {
                ObjectValue.Builder object = ObjectValue.builder();
                for (int i = random.nextInt(4); i > 0; i--) {
                    String key = random.nextInt(3) == 0 ? "x" : random.nextInt(3) == 0 ? "k" : "f" + random.nextInt(9);
                    object.put(StringValue.of(key), randomValue(random, depth - 1));
                }
                return object.build();
            }
        }
    }
}
