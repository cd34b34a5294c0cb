package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.util.ArrayList;
import java.util.List;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.BOOLEAN;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.anyOf;
import static dev.lambdashield.rego.types.Types.arrayOf;
import static dev.lambdashield.rego.types.Types.objectOf;
import static dev.lambdashield.rego.types.Types.setOf;

/** Built-ins that reshape or check JSON documents: filter, remove, patch and JSON Schema validation. */
public final class JsonBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "object";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        var paths = anyOf(arrayOf(anyOf(STRING, arrayOf(ANY))), setOf(anyOf(STRING, arrayOf(ANY))));
        var schema = anyOf(STRING, objectOf(ANY, ANY), BOOLEAN);
        registry.register(function("json.filter", CATEGORY, "Filters the object by keeping only the given paths.",
                ANY, arg("object", objectOf(ANY, ANY)), arg("paths", paths)), JsonBuiltins::filter);
        registry.register(function("json.remove", CATEGORY, "Removes the given paths from an object.",
                ANY, arg("object", objectOf(ANY, ANY)), arg("paths", paths)), JsonBuiltins::remove);
        registry.register(function("json.patch", CATEGORY, "Patches an object according to RFC 6902.",
                ANY, arg("object", ANY), arg("patches", arrayOf(objectOf(STRING, ANY)))), JsonBuiltins::patch);
        registry.register(function("json.verify_schema", CATEGORY,
                "Checks that the input is a valid JSON schema; returns [valid, error or null].",
                arrayOf(ANY), arg("schema", schema)), JsonBuiltins::verifySchema);
        registry.register(function("json.match_schema", CATEGORY,
                "Checks that the document matches the JSON schema; returns [matches, errors].",
                arrayOf(ANY), arg("document", anyOf(STRING, objectOf(ANY, ANY), ANY)), arg("schema", schema)),
                JsonBuiltins::matchSchema);
    }

    private static Value filter(BuiltinContext context, List<Value> args) {
        var object = Args.object(args, 0);
        return PathTree.fromOperand(args, 1).filter(object);
    }

    private static Value remove(BuiltinContext context, List<Value> args) {
        var object = Args.object(args, 0);
        Value rest = PathTree.fromOperand(args, 1).remove(object);
        return rest == null ? ObjectValue.EMPTY : rest;
    }

    private static Value patch(BuiltinContext context, List<Value> args) {
        ArrayValue operations = Args.array(args, 1);
        try {
            return JsonPatch.apply(args.get(0), operations.elements());
        } catch (JsonPatch.PatchFailure e) {
            // OPA makes a patch that cannot be applied undefined rather than an error.
            return null;
        }
    }

    private static Value verifySchema(BuiltinContext context, List<Value> args) {
        Value schema;
        try {
            schema = schemaOperand(args, 0);
        } catch (BuiltinException e) {
            return ArrayValue.of(BooleanValue.FALSE, StringValue.of(e.getMessage()));
        }
        String problem = JsonSchema.checkSchema(schema);
        return problem == null
                ? ArrayValue.of(BooleanValue.TRUE, NullValue.INSTANCE)
                : ArrayValue.of(BooleanValue.FALSE, StringValue.of(problem));
    }

    private static Value matchSchema(BuiltinContext context, List<Value> args) {
        Value document = args.get(0) instanceof StringValue s ? parseJson(s.value(), "document") : args.get(0);
        Value schema = schemaOperand(args, 1);
        String problem = JsonSchema.checkSchema(schema);
        if (problem != null) {
            throw BuiltinException.failure("invalid JSON schema: " + problem);
        }
        List<Value> errors = new ArrayList<>();
        for (JsonSchema.Violation violation : JsonSchema.validate(document, schema)) {
            errors.add(violation.toValue());
        }
        return ArrayValue.of(BooleanValue.of(errors.isEmpty()), ArrayValue.of(errors));
    }

    private static Value schemaOperand(List<Value> args, int index) {
        Value schema = args.get(index);
        if (schema instanceof StringValue s) {
            return parseJson(s.value(), "schema");
        }
        return schema;
    }

    private static Value parseJson(String text, String what) {
        try {
            return ValueJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failure(what + " is not valid JSON: " + e.getMessage());
        }
    }
}
