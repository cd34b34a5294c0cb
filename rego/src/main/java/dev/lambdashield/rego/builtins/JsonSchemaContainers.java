package dev.lambdashield.rego.builtins;

import com.google.re2j.Pattern;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;
import java.util.Map;

/** The array and object keywords of {@link JsonSchema}. */
final class JsonSchemaContainers {

    private JsonSchemaContainers() {
    }

    static void checkArray(JsonSchema validator, ArrayValue array, ObjectValue schema, String field, int depth) {
        int size = array.size();
        if (schema.get("minItems") instanceof NumberValue min && size < min.doubleValue()) {
            validator.report(field, "array_min_items", "Array must have at least " + min + " items");
        }
        if (schema.get("maxItems") instanceof NumberValue max && size > max.doubleValue()) {
            validator.report(field, "array_max_items", "Array must have at most " + max + " items");
        }
        if (schema.get("uniqueItems") instanceof BooleanValue unique && unique.value()) {
            checkUnique(validator, array.elements(), field);
        }
        Value items = schema.get("items");
        if (items instanceof ArrayValue tuple) {
            for (int i = 0; i < size; i++) {
                Value itemSchema = i < tuple.size() ? tuple.get(i) : schema.get("additionalItems");
                if (itemSchema == null) {
                    break;
                }
                if (i >= tuple.size() && itemSchema instanceof BooleanValue b && !b.value()) {
                    validator.report(field, "array_no_additional_items", "No additional items allowed on array");
                    break;
                }
                validator.recurse(array.get(i), itemSchema, JsonSchema.child(field, Integer.toString(i)), depth);
            }
        } else if (items != null) {
            for (int i = 0; i < size; i++) {
                validator.recurse(array.get(i), items, JsonSchema.child(field, Integer.toString(i)), depth);
            }
        }
        Value contains = schema.get("contains");
        if (contains != null && array.elements().stream().noneMatch(e -> validator.probe(e, contains, depth))) {
            validator.report(field, "contains", "At least one of the items must match");
        }
    }

    private static void checkUnique(JsonSchema validator, List<Value> elements, String field) {
        for (int i = 0; i < elements.size(); i++) {
            for (int j = i + 1; j < elements.size(); j++) {
                if (elements.get(i).equals(elements.get(j))) {
                    validator.report(field, "unique", "array items[" + i + "," + j + "] must be unique");
                    return;
                }
            }
        }
    }

    static void checkObject(JsonSchema validator, ObjectValue object, ObjectValue schema, String field, int depth) {
        if (schema.get("minProperties") instanceof NumberValue min && object.size() < min.doubleValue()) {
            validator.report(field, "array_min_properties", "Must have at least " + min + " properties");
        }
        if (schema.get("maxProperties") instanceof NumberValue max && object.size() > max.doubleValue()) {
            validator.report(field, "array_max_properties", "Must have at most " + max + " properties");
        }
        if (schema.get("required") instanceof ArrayValue required) {
            for (Value name : required.elements()) {
                if (object.get(name) == null) {
                    String property = name instanceof StringValue s ? s.value() : name.toString();
                    validator.report(JsonSchema.child(field, property), "required", property + " is required");
                }
            }
        }
        checkProperties(validator, object, schema, field, depth);
        checkDependencies(validator, object, schema, field, depth);
        Value names = schema.get("propertyNames");
        if (names != null) {
            for (Value key : object.entries().keySet()) {
                if (!validator.probe(key, names, depth)) {
                    validator.report(field, "invalid_property_name", "Property " + key + " does not match the schema");
                }
            }
        }
    }

    private static void checkProperties(JsonSchema validator, ObjectValue object, ObjectValue schema, String field, int depth) {
        ObjectValue properties = schema.get("properties") instanceof ObjectValue p ? p : ObjectValue.EMPTY;
        ObjectValue patterns = schema.get("patternProperties") instanceof ObjectValue p ? p : ObjectValue.EMPTY;
        Value additional = schema.get("additionalProperties");
        for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
            String name = entry.getKey() instanceof StringValue s ? s.value() : entry.getKey().toString();
            String childField = JsonSchema.child(field, name);
            boolean matched = false;
            Value propertySchema = properties.get(entry.getKey());
            if (propertySchema != null) {
                matched = true;
                validator.recurse(entry.getValue(), propertySchema, childField, depth);
            }
            for (Map.Entry<Value, Value> pattern : patterns.entries().entrySet()) {
                if (pattern.getKey() instanceof StringValue p && Pattern.compile(p.value()).matcher(name).find()) {
                    matched = true;
                    validator.recurse(entry.getValue(), pattern.getValue(), childField, depth);
                }
            }
            if (matched || additional == null) {
                continue;
            }
            if (additional instanceof BooleanValue b && !b.value()) {
                validator.report(field, "additional_property_not_allowed", "Additional property " + name + " is not allowed");
            } else {
                validator.recurse(entry.getValue(), additional, childField, depth);
            }
        }
    }

    private static void checkDependencies(JsonSchema validator, ObjectValue object, ObjectValue schema, String field, int depth) {
        if (!(schema.get("dependencies") instanceof ObjectValue dependencies)) {
            return;
        }
        for (Map.Entry<Value, Value> dependency : dependencies.entries().entrySet()) {
            if (object.get(dependency.getKey()) == null) {
                continue;
            }
            if (dependency.getValue() instanceof ArrayValue names) {
                for (Value name : names.elements()) {
                    if (object.get(name) == null) {
                        validator.report(field, "missing_dependency", "Has a dependency on " + name);
                    }
                }
            } else {
                validator.recurse(object, dependency.getValue(), field, depth);
            }
        }
    }
}
