package dev.lambdashield.rules.hostile;

import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.RegoVersion;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.handler.InvocationFailedException;
import dev.lambdashield.rules.testutils.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policies that loop, recurse or explode combinatorially ({@code hostile/policies/}, each naming its accepted
 * outcomes in a first-line {@code # expect:} comment): the compiler rejects recursion with a coded error and the
 * engine stops the rest with {@code eval_cancel_error} at the deadline. Each test runs in a separate thread
 * under a timeout, so an evaluation that ignores the deadline fails the test instead of hanging the build.
 */
class HostilePolicyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);

    static Stream<Path> policies() throws IOException, URISyntaxException {
        Path dir = Path.of(HostilePolicyTest.class.getResource("/hostile/policies").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".rego")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    @Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hostilePolicy_codedErrorByDeadline(Path file) throws IOException {
        String source = Files.readString(file);
        List<String> accepted = Arrays.asList(source.lines().findFirst().orElseThrow()
                .replace("# expect:", "").trim().split("\\|"));
        String name = file.getFileName().toString();
        String pkg = "data.hostile." + name.substring(0, name.length() - ".rego".length());

        String outcome = compileAndEvaluate(name, source, pkg + ".deny");

        assertTrue(accepted.contains(outcome), name + ": got " + outcome + ", accepted " + accepted);
    }

    /** Returns the error code, or {@code none} when the evaluation finished. */
    private static String compileAndEvaluate(String name, String source, String reference) {
        CompiledPolicy policy;
        try {
            policy = Rego.compiler().regoVersion(RegoVersion.V1).module("hostile/" + name, source).compile();
        } catch (RegoException e) {
            return e.errors().get(0).code().code();
        }
        EvalOptions options = EvalOptions.builder().deadline(Instant.now().plus(DEADLINE)).strictBuiltinErrors(true)
                .build();
        try {
            policy.evaluate(reference, options);
            return "none";
        } catch (RegoException e) {
            assertNotNull(e.errors().get(0).location(), "the error has a location");
            return e.errors().get(0).code().code();
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void explosivePolicy_invocationFails(@TempDir Path bundle) throws IOException {
        Files.writeString(bundle.resolve("lambda_explosive_probe.rego"), String.join("\n",
                "# METADATA",
                "# title: Explodes combinatorially for every function",
                "# custom:",
                "#   id: lambda-explosive-probe",
                "#   version: 0.0.1",
                "#   severity: LOW",
                "#   resource_types:",
                "#     - AWS::Lambda::Function",
                "package lambda_shield.lambda_explosive_probe",
                "",
                "deny contains {\"message\": sprintf(\"%d\", [n])} if {",
                "\tn := count([x | some a in numbers.range(1, 1e6); some b in numbers.range(1, 1e6); x := a + b])",
                "}",
                ""));
        var event = Fixtures.event("change-compliant");
        event.setRuleParameters(null);

        try (HostileRunner runner = new HostileRunner()) {
            InvocationFailedException e = runner.runExpectingFailure(event, PolicyBundle.cached(bundle),
                    Duration.ofSeconds(4));

            assertTrue(e.getMessage().contains("eval_cancel_error"), e.getMessage());
            assertTrue(e.getMessage().contains("lambda-explosive-probe"), e.getMessage());
            assertNotNull(e.result(), "the invocation kept its decisions");
            assertEquals(Compliance.NOT_EVALUATED, e.result().decisions().get(0).compliance());
            assertEquals(0, runner.reportedCompliant(), "nothing was reported COMPLIANT");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void builtinError_notReportedCompliant(@TempDir Path bundle) throws IOException {
        Files.writeString(bundle.resolve("lambda_builtin_error_probe.rego"), String.join("\n",
                "# METADATA",
                "# title: Asks a built-in for a billion-element range for every function",
                "# custom:",
                "#   id: lambda-builtin-error-probe",
                "#   version: 0.0.1",
                "#   severity: LOW",
                "#   resource_types:",
                "#     - AWS::Lambda::Function",
                "package lambda_shield.lambda_builtin_error_probe",
                "",
                "deny contains {\"message\": \"sum exceeds the limit\"} if {",
                "\tsum(numbers.range(1, 1000000000)) > input.resource.configuration.memorySize",
                "}",
                ""));
        var event = Fixtures.event("change-compliant");
        event.setRuleParameters(null);

        try (HostileRunner runner = new HostileRunner()) {
            InvocationFailedException e = runner.runExpectingFailure(event, PolicyBundle.cached(bundle),
                    Duration.ofSeconds(20));

            assertTrue(e.getMessage().contains("lambda-builtin-error-probe"), e.getMessage());
            assertEquals(Compliance.NOT_EVALUATED, e.result().decisions().get(0).compliance());
            assertEquals(0, runner.reportedCompliant(), "nothing was reported COMPLIANT");
        }
    }
}
