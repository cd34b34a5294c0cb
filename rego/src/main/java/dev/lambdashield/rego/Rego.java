package dev.lambdashield.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.builtins.BuiltinRegistry;
import dev.lambdashield.rego.builtins.Builtins;
import dev.lambdashield.rego.compile.Compiler;
import dev.lambdashield.rego.compile.FunctionLookup;
import dev.lambdashield.rego.compile.Program;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.parse.RegoParser;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entry point: collects modules and data, then compiles them into a {@link CompiledPolicy}. */
public final class Rego {

    private RegoVersion version = RegoVersion.V1;
    private final Map<String, String> modules = new LinkedHashMap<>();
    private Value data = ObjectValue.EMPTY;
    private BuiltinRegistry builtins = Builtins.defaultRegistry();

    private Rego() {
    }

    /** Starts a compilation with Rego v1 syntax, no modules and an empty {@code data}. */
    public static Rego compiler() {
        return new Rego();
    }

    /** Sets the syntax of the modules; a v0 module that imports {@code rego.v1} is read as v1. */
    public Rego regoVersion(RegoVersion regoVersion) {
        this.version = regoVersion;
        return this;
    }

    /** Adds a module; {@code file} names it in error locations. A second module of one name replaces the first. */
    public Rego module(String file, String source) {
        modules.put(file, source);
        return this;
    }

    /** Sets the base document {@code data}; it must be an object. */
    public Rego data(Value value) {
        if (!(value instanceof ObjectValue)) {
            throw new IllegalArgumentException("data must be a JSON object, got " + value.typeName());
        }
        this.data = value;
        return this;
    }

    public Rego data(JsonNode json) {
        return data(ValueJson.fromJsonNode(json));
    }

    /** Replaces the built-in functions, e.g. with a registry that lacks some families. */
    public Rego builtins(BuiltinRegistry registry) {
        this.builtins = registry;
        return this;
    }

    /**
     * Parses and compiles the modules.
     *
     * @throws RegoException listing every syntax error of every module, or the errors of the
     *                       first compiler stage that failed
     */
    public CompiledPolicy compile() {
        List<Module> parsed = new ArrayList<>();
        List<RegoError> errors = new ArrayList<>();
        for (Map.Entry<String, String> m : modules.entrySet()) {
            try {
                parsed.add(RegoParser.parseModule(m.getKey(), m.getValue(), version == RegoVersion.V1));
            } catch (RegoException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            Collections.sort(errors);
            throw new RegoException(errors);
        }
        Program program = Compiler.compile(parsed, new FunctionLookup(builtins));
        return new CompiledPolicy(program, data, version);
    }
}
