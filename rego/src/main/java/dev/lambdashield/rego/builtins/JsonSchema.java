package dev.lambdashield.rego.builtins;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JSON Schema validator for the keywords that drafts 4, 6 and 7 share, plus {@code const},
 * {@code contains}, {@code propertyNames} and {@code if}/{@code then}/{@code else}. References
 * resolve only within the schema ({@code #} and {@code #/definitions/...}); {@code format} is not checked.
 * Error descriptions follow the wording of gojsonschema, which OPA uses.
 */
final class JsonSchema {

    /** One validation error: the field path ({@code (root)} for the document), the kind and a description. */
    record Violation(String field, String type, String description) {
        ObjectValue toValue() {
            return ObjectValue.builder()
                    .put("error", StringValue.of(field + ": " + description))
                    .put("type", StringValue.of(type))
                    .put("field", StringValue.of(field))
                    .put("desc", StringValue.of(description))
                    .build();
        }
    }

    private static final Set<String> TYPE_NAMES = Set.of("null", "boolean", "object", "array", "number", "string", "integer");

    private final Value root;
    private final List<Violation> violations = new ArrayList<>();

    private JsonSchema(Value root) {
        this.root = root;
    }

    /** Checks that {@code schema} is a well-formed schema; returns the first problem, or null. */
    static String checkSchema(Value schema) {
        if (schema instanceof BooleanValue) {
            return null;
        }
        if (!(schema instanceof ObjectValue object)) {
            return "schema must be an object or a boolean but got " + schema.typeName();
        }
        Value type = object.get("type");
        if (type != null && !validTypeKeyword(type)) {
            return "type must be a JSON Schema type name or an array of them: " + ValueJson.toJson(type);
        }
        for (String key : List.of("properties", "patternProperties", "definitions", "dependencies")) {
            Value member = object.get(key);
            if (member != null && !(member instanceof ObjectValue)) {
                return key + " must be an object";
            }
        }
        for (String key : List.of("required", "enum", "allOf", "anyOf", "oneOf")) {
            Value member = object.get(key);
            if (member != null && !(member instanceof ArrayValue)) {
                return key + " must be an array";
            }
        }
        for (String key : List.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")) {
            Value member = object.get(key);
            if (member != null && !(member instanceof NumberValue n && n.isInteger() && n.bigDecimal().signum() >= 0)) {
                return key + " must be a non-negative integer";
            }
        }
        Value pattern = object.get("pattern");
        if (pattern != null) {
            if (!(pattern instanceof StringValue p)) {
                return "pattern must be a string";
            }
            try {
                Pattern.compile(p.value());
            } catch (PatternSyntaxException e) {
                return "pattern is not a valid regular expression: " + e.getMessage();
            }
        }
        return checkSubschemas(object);
    }

    private static String checkSubschemas(ObjectValue object) {
        for (String key : List.of("not", "additionalProperties", "additionalItems", "contains", "propertyNames", "if", "then", "else")) {
            Value member = object.get(key);
            String problem = member == null ? null : checkSchema(member);
            if (problem != null) {
                return problem;
            }
        }
        for (String key : List.of("properties", "patternProperties", "definitions")) {
            if (object.get(key) instanceof ObjectValue members) {
                for (Value member : members.entries().values()) {
                    String problem = checkSchema(member);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        Value items = object.get("items");
        List<Value> itemSchemas = items instanceof ArrayValue a ? a.elements() : items == null ? List.of() : List.of(items);
        for (Value item : itemSchemas) {
            String problem = checkSchema(item);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static boolean validTypeKeyword(Value type) {
        if (type instanceof StringValue s) {
            return TYPE_NAMES.contains(s.value());
        }
        if (type instanceof ArrayValue a) {
            return a.elements().stream().allMatch(t -> t instanceof StringValue s && TYPE_NAMES.contains(s.value()));
        }
        return false;
    }

    /** Validates {@code document} against a well-formed {@code schema}. */
    static List<Violation> validate(Value document, Value schema) {
        JsonSchema validator = new JsonSchema(schema);
        validator.check(document, schema, "(root)", 0);
        return validator.violations;
    }

    private void fail(String field, String type, String description) {
        violations.add(new Violation(field, type, description));
    }

    private boolean matches(Value value, Value schema, int depth) {
        JsonSchema probe = new JsonSchema(root);
        probe.check(value, schema, "(root)", depth);
        return probe.violations.isEmpty();
    }

    private void check(Value value, Value schema, String field, int depth) {
        if (depth > 100) {
            fail(field, "internal", "Schema nesting is too deep or a reference loops");
            return;
        }
        if (schema instanceof BooleanValue b) {
            if (!b.value()) {
                fail(field, "false", "False always fails validation");
            }
            return;
        }
        if (!(schema instanceof ObjectValue s)) {
            return;
        }
        if (s.get("$ref") instanceof StringValue ref) {
            check(value, resolve(ref.value(), field), field, depth + 1);
            return;
        }
        if (!checkType(value, s, field)) {
            return;
        }
        checkGeneric(value, s, field);
        checkCombinators(value, s, field, depth);
        if (value instanceof NumberValue n) {
            checkNumber(n, s, field);
        } else if (value instanceof StringValue str) {
            checkString(str.value(), s, field);
        } else if (value instanceof ArrayValue array) {
            JsonSchemaContainers.checkArray(this, array, s, field, depth);
        } else if (value instanceof ObjectValue object) {
            JsonSchemaContainers.checkObject(this, object, s, field, depth);
        }
    }

    /** Lets the container checks report errors and recurse. */
    void report(String field, String type, String description) {
        fail(field, type, description);
    }

    void recurse(Value value, Value schema, String field, int depth) {
        check(value, schema, field, depth + 1);
    }

    boolean probe(Value value, Value schema, int depth) {
        return matches(value, schema, depth + 1);
    }

    private Value resolve(String ref, String field) {
        if (ref.equals("#")) {
            return root;
        }
        Value node = root;
        if (ref.startsWith("#/")) {
            for (String part : ref.substring(2).split("/")) {
                String key = UrlQuery.unescape(part.replace("+", "%2B")).replace("~1", "/").replace("~0", "~");
                node = node instanceof ObjectValue o ? o.get(key) : null;
                if (node == null) {
                    break;
                }
            }
            if (node != null) {
                return node;
            }
        }
        fail(field, "invalid_reference", "Reference " + ref + " cannot be resolved within the schema");
        return BooleanValue.TRUE;
    }

    private boolean checkType(Value value, ObjectValue schema, String field) {
        Value type = schema.get("type");
        if (type == null) {
            return true;
        }
        List<Value> allowed = type instanceof ArrayValue a ? a.elements() : List.of(type);
        for (Value name : allowed) {
            if (name instanceof StringValue s && hasType(value, s.value())) {
                return true;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (Value name : allowed) {
            expected.append(expected.length() == 0 ? "" : "/").append(name instanceof StringValue s ? s.value() : name.toString());
        }
        fail(field, "invalid_type", "Invalid type. Expected: " + expected + ", given: " + typeOf(value));
        return false;
    }

    static String typeOf(Value value) {
        if (value instanceof NumberValue n) {
            return n.isInteger() ? "integer" : "number";
        }
        return value.typeName();
    }

    private static boolean hasType(Value value, String type) {
        return switch (type) {
            case "integer" -> value instanceof NumberValue n && n.isInteger();
            case "number" -> value instanceof NumberValue;
            case "null" -> value instanceof NullValue;
            default -> value.typeName().equals(type);
        };
    }

    private void checkGeneric(Value value, ObjectValue schema, String field) {
        if (schema.get("enum") instanceof ArrayValue options && !options.elements().contains(value)) {
            fail(field, "enum", field + " must be one of the following: " + joinJson(options.elements()));
        }
        Value constant = schema.get("const");
        if (constant != null && !constant.equals(value)) {
            fail(field, "const", field + " does not match: " + ValueJson.toJson(constant));
        }
    }

    private void checkCombinators(Value value, ObjectValue schema, String field, int depth) {
        if (schema.get("allOf") instanceof ArrayValue all) {
            for (Value sub : all.elements()) {
                if (!matches(value, sub, depth + 1)) {
                    fail(field, "number_all_of", "Must validate all the schemas (allOf)");
                    break;
                }
            }
        }
        if (schema.get("anyOf") instanceof ArrayValue any
                && any.elements().stream().noneMatch(sub -> matches(value, sub, depth + 1))) {
            fail(field, "number_any_of", "Must validate at least one schema (anyOf)");
        }
        if (schema.get("oneOf") instanceof ArrayValue one
                && one.elements().stream().filter(sub -> matches(value, sub, depth + 1)).count() != 1) {
            fail(field, "number_one_of", "Must validate one and only one schema (oneOf)");
        }
        Value not = schema.get("not");
        if (not != null && matches(value, not, depth + 1)) {
            fail(field, "number_not", "Must not validate the schema (not)");
        }
        Value condition = schema.get("if");
        if (condition != null) {
            boolean holds = matches(value, condition, depth + 1);
            Value branch = schema.get(holds ? "then" : "else");
            if (branch != null && !matches(value, branch, depth + 1)) {
                fail(field, holds ? "condition_then" : "condition_else",
                        holds ? "Must validate \"then\" as \"if\" was valid" : "Must validate \"else\" as \"if\" was not valid");
            }
        }
    }

    private void checkNumber(NumberValue number, ObjectValue schema, String field) {
        BigDecimal n = number.bigDecimal();
        if (schema.get("multipleOf") instanceof NumberValue m && m.bigDecimal().signum() > 0
                && n.remainder(m.bigDecimal()).signum() != 0) {
            fail(field, "multiple_of", "Must be a multiple of " + m);
        }
        Value exclusiveMin = schema.get("exclusiveMinimum");
        Value exclusiveMax = schema.get("exclusiveMaximum");
        if (schema.get("minimum") instanceof NumberValue min) {
            boolean exclusive = exclusiveMin instanceof BooleanValue b && b.value();
            if (exclusive ? n.compareTo(min.bigDecimal()) <= 0 : n.compareTo(min.bigDecimal()) < 0) {
                fail(field, exclusive ? "number_gt" : "number_gte",
                        (exclusive ? "Must be greater than " : "Must be greater than or equal to ") + min);
            }
        }
        if (schema.get("maximum") instanceof NumberValue max) {
            boolean exclusive = exclusiveMax instanceof BooleanValue b && b.value();
            if (exclusive ? n.compareTo(max.bigDecimal()) >= 0 : n.compareTo(max.bigDecimal()) > 0) {
                fail(field, exclusive ? "number_lt" : "number_lte",
                        (exclusive ? "Must be less than " : "Must be less than or equal to ") + max);
            }
        }
        if (exclusiveMin instanceof NumberValue min && n.compareTo(min.bigDecimal()) <= 0) {
            fail(field, "number_gt", "Must be greater than " + min);
        }
        if (exclusiveMax instanceof NumberValue max && n.compareTo(max.bigDecimal()) >= 0) {
            fail(field, "number_lt", "Must be less than " + max);
        }
    }

    private void checkString(String text, ObjectValue schema, String field) {
        int length = text.codePointCount(0, text.length());
        if (schema.get("minLength") instanceof NumberValue min && length < min.doubleValue()) {
            fail(field, "string_gte", "String length must be greater than or equal to " + min);
        }
        if (schema.get("maxLength") instanceof NumberValue max && length > max.doubleValue()) {
            fail(field, "string_lte", "String length must be less than or equal to " + max);
        }
        if (schema.get("pattern") instanceof StringValue pattern && !Pattern.compile(pattern.value()).matcher(text).find()) {
            fail(field, "pattern", "Does not match pattern '" + pattern.value() + "'");
        }
    }

    static String child(String field, String name) {
        return field.equals("(root)") ? name : field + "." + name;
    }

    private static String joinJson(List<Value> values) {
        StringBuilder out = new StringBuilder();
        for (Value value : values) {
            out.append(out.length() == 0 ? "" : ", ").append(ValueJson.toJson(value));
        }
        return out.toString();
    }
}
