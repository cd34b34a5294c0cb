package dev.lambdashield.cli.rego;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rego.builtins.BuiltinDecl;
import dev.lambdashield.rego.builtins.BuiltinRegistry;
import dev.lambdashield.rego.builtins.Builtins;
import dev.lambdashield.rego.types.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints the engine's built-in functions in the shape of OPA's capabilities file, so that OPA's tooling
 * ({@code opa check --capabilities}) can check a policy against what this engine supports.
 */
@Command(name = "capabilities", mixinStandardHelpOptions = true,
        description = "Print the built-in functions this engine supports, as JSON in the shape of OPA's capabilities file.")
public final class CapabilitiesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** OPA's infix spellings of the operator built-ins. */
    private static final Map<String, String> INFIX = Map.ofEntries(
            Map.entry("eq", "="), Map.entry("assign", ":="), Map.entry("equal", "=="), Map.entry("neq", "!="),
            Map.entry("lt", "<"), Map.entry("lte", "<="), Map.entry("gt", ">"), Map.entry("gte", ">="),
            Map.entry("plus", "+"), Map.entry("minus", "-"), Map.entry("mul", "*"), Map.entry("div", "/"),
            Map.entry("rem", "%"), Map.entry("and", "&"), Map.entry("or", "|"),
            Map.entry("internal.member_2", "in"), Map.entry("internal.member_3", "in"));

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(JSON.writeValueAsString(capabilities(Builtins.defaultRegistry())));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** Builds the capabilities document for a registry. */
    public static ObjectNode capabilities(BuiltinRegistry registry) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode builtins = root.putArray("builtins");
        for (BuiltinRegistry.Entry entry : registry.entries()) {
            builtins.add(builtin(entry.decl()));
        }
        ArrayNode keywords = root.putArray("future_keywords");
        for (String keyword : new String[] {"contains", "every", "if", "in"}) {
            keywords.add(keyword);
        }
        root.putArray("wasm_abi_versions");
        ArrayNode features = root.putArray("features");
        for (String feature : new String[] {"rego_v1", "rego_v1_import", "rule_head_ref_string_prefixes",
            "rule_head_refs"}) {
            features.add(feature);
        }
        return root;
    }

    private static ObjectNode builtin(BuiltinDecl decl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", decl.name());
        if (INFIX.containsKey(decl.name())) {
            node.put("infix", INFIX.get(decl.name()));
        }
        if (decl.category() != null && !decl.category().isEmpty()) {
            node.putArray("categories").add(decl.category());
        }
        ObjectNode function = node.putObject("decl");
        ArrayNode args = function.putArray("args");
        for (BuiltinDecl.Arg arg : decl.args()) {
            ObjectNode argNode = type(arg.type());
            argNode.put("name", arg.name());
            args.add(argNode);
        }
        if (decl.result() != null) {
            function.set("result", type(decl.result()));
        }
        function.put("type", "function");
        if (decl.relation()) {
            node.put("relation", true);
        }
        if (!decl.deterministic()) {
            node.put("nondeterministic", true);
        }
        return node;
    }

    /** Converts a type to OPA's JSON form: {@code {"type":"array","dynamic":{"type":"any"}}} and so on. */
    static ObjectNode type(Type type) {
        ObjectNode node = JSON.createObjectNode();
        switch (type.kind()) {
            case ARRAY:
                node.put("type", "array");
                node.set("dynamic", type(type.parameters().get(0)));
                break;
            case SET:
                node.put("type", "set");
                node.set("of", type(type.parameters().get(0)));
                break;
            case OBJECT:
                node.put("type", "object");
                ObjectNode dynamic = node.putObject("dynamic");
                dynamic.set("key", type(type.parameters().get(0)));
                dynamic.set("value", type(type.parameters().get(1)));
                break;
            case UNION:
                node.put("type", "any");
                ArrayNode of = node.putArray("of");
                type.parameters().forEach(member -> of.add(type(member)));
                break;
            default:
                node.put("type", type.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node;
    }
}
