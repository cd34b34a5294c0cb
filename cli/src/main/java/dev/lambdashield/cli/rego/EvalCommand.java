package dev.lambdashield.cli.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** Evaluates a Rego query against policies, data and an input document, as {@code opa eval} does. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a Rego query, like 'opa eval'.",
            "The JSON output is {\"result\": [...]} with one entry per solution: 'expressions' holds the value "
                    + "of a query that is a single reference, 'bindings' the values of the query's variables. "
                    + "An undefined query prints {} (json) or 'undefined' (pretty)."})
public final class EvalCommand implements Callable<Integer> {

    /** A plain reference such as {@code data.a.b} or {@code input.x["y"]}: its value is reported as the expression. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(data|input)(\\.[A-Za-z_][A-Za-z0-9_]*|\\[\"[^\"\\\\]*\"])*");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "QUERY", description = "The query, e.g. 'data.lambda_shield.lambda_tracing_active.deny'.")
    String query;

    @Mixin
    RegoOptions rego;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "The input document, a JSON or YAML file.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "Output format: json or pretty (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--strict-builtin-errors", description = "Fail on a built-in function error instead of "
            + "treating the expression as undefined.")
    boolean strict;

    @Option(names = "--fail", description = "Exit with code 1 when the query is undefined.")
    boolean failOnUndefined;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop the evaluation with eval_cancel_error after this many seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("json") && !format.equals("pretty")) {
            throw new CliException("invalid --format '" + format + "': expected json or pretty");
        }
        if (timeoutSeconds <= 0) {
            throw new CliException("invalid --timeout " + timeoutSeconds + ": expected a positive number of seconds");
        }
        SourceSet sources = SourceSet.load(rego.allPaths(List.of()));
        EvalOptions.Builder options = EvalOptions.builder().strictBuiltinErrors(strict);
        if (input != null) {
            options.input(SourceSet.readDocument(input));
        }
        PrintWriter err = spec.commandLine().getErr();
        CompiledPolicy policy;
        try {
            policy = PolicyCompiler.compile(sources, rego.version(), err);
        } catch (PolicyCompiler.CompileFailed e) {
            return ExitCode.USAGE;
        }

        ArrayNode result;
        try {
            // The deadline starts after compiling, so it bounds the evaluation alone.
            options.deadline(Instant.now().plusSeconds(timeoutSeconds));
            result = evaluate(policy, options.printSink(line -> err.println(line)).build());
        } catch (RegoException e) {
            new ErrorRenderer(sources.modules()).print(e.errors(), err);
            return ExitCode.USAGE;
        }
        print(result);
        return result.isEmpty() && failOnUndefined ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private ArrayNode evaluate(CompiledPolicy policy, EvalOptions options) {
        ArrayNode result = JSON.createArrayNode();
        String text = query.trim();
        if (REFERENCE.matcher(text).matches()) {
            Optional<Value> value = policy.evaluate(text, options);
            value.ifPresent(v -> {
                ObjectNode expression = result.addObject().putArray("expressions").addObject();
                expression.set("value", ValueJson.toJsonNode(v));
                expression.put("text", text);
            });
            return result;
        }
        for (Map<String, Value> solution : policy.query(text, options)) {
            ObjectNode entry = result.addObject();
            if (solution.isEmpty()) {
                ObjectNode expression = entry.putArray("expressions").addObject();
                expression.put("value", true);
                expression.put("text", text);
                continue;
            }
            ObjectNode bindings = entry.putObject("bindings");
            solution.forEach((name, value) -> bindings.set(name, ValueJson.toJsonNode(value)));
        }
        return result;
    }

    private void print(ArrayNode result) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (format.equals("json")) {
                ObjectNode root = JSON.createObjectNode();
                if (!result.isEmpty()) {
                    root.set("result", result);
                }
                out.println(JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            } else if (result.isEmpty()) {
                out.println("undefined");
            } else {
                for (JsonNode entry : result) {
                    JsonNode displayName = entry.has("bindings") ? entry.get("bindings") : entry.at("/expressions/0/value");
                    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(displayName));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print the result as JSON", e);
        }
        out.flush();
    }
}
