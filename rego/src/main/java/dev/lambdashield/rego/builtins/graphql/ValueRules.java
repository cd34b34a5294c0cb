package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks argument and default values against their input types: literals against scalars, enums, lists
 * and input objects, and variables of the current operation against the type their position expects.
 * NOTE: the messages follow graphql-js, which gqlparser mirrors, but they were not compared one by one.
 */
final class ValueRules {

    private final GraphqlSchema schema;
    private final List<GraphqlError> errors;
    private Map<String, Ast.VariableDefinition> variables = Map.of();

    ValueRules(GraphqlSchema schema, List<GraphqlError> errors) {
        this.schema = schema;
        this.errors = errors;
    }

    /** Sets the variables that values may use. Outside an operation the map is empty, so nothing is checked. */
    void useVariables(Map<String, Ast.VariableDefinition> definitions) {
        this.variables = definitions;
    }

    void check(Ast.TypeRef expected, Ast.Value value) {
        if (expected == null || value == null) {
            return;
        }
        if (value.kind == Ast.Value.VARIABLE) {
            checkVariablePosition(expected, value);
            return;
        }
        if (value.kind == Ast.Value.NULL) {
            if (expected.nonNull) {
                error(value.pos, "Expected value of type \"" + expected + "\", found null.");
            }
            return;
        }
        if (expected.elem != null) {
            if (value.kind == Ast.Value.LIST) {
                Ast.orEmpty(value.children).forEach(child -> check(expected.elem, child.value));
            } else {
                check(expected.elem, value);
            }
            return;
        }
        Ast.Definition type = schema.types.get(expected.namedType);
        if (type == null) {
            return;
        }
        switch (type.kind) {
            case "INPUT_OBJECT" -> checkInputObject(type, value);
            case "ENUM" -> checkEnum(type, value);
            case "SCALAR" -> checkScalar(type.name, value);
            default -> {
            }
        }
    }

    /** Checks that a variable's type fits its position. A non-null default lets a nullable variable fill a non-null slot. */
    private void checkVariablePosition(Ast.TypeRef expected, Ast.Value value) {
        Ast.VariableDefinition variable = variables.get(value.raw);
        if (variable == null || variable.type == null) {
            return;
        }
        Ast.TypeRef allowed = expected;
        boolean hasDefault = variable.defaultValue != null && variable.defaultValue.kind != Ast.Value.NULL;
        if (hasDefault && expected.nonNull) {
            allowed = new Ast.TypeRef();
            allowed.namedType = expected.namedType;
            allowed.elem = expected.elem;
        }
        if (!SchemaDefinitionRules.isCompatible(variable.type, allowed)) {
            error(value.pos, "Variable \"$" + value.raw + "\" of type \"" + variable.type
                    + "\" used in position expecting type \"" + expected + "\".");
        }
    }

    private void checkInputObject(Ast.Definition type, Ast.Value value) {
        if (value.kind != Ast.Value.OBJECT) {
            error(value.pos, "Expected value of type \"" + type.name + "\", found " + render(value) + ".");
            return;
        }
        Set<String> present = new HashSet<>();
        for (Ast.ChildValue child : Ast.orEmpty(value.children)) {
            present.add(child.name);
            Ast.FieldDefinition field = GraphqlSchema.field(type, child.name);
            if (field == null) {
                error(child.pos, "Field \"" + child.name + "\" is not defined by type \"" + type.name + "\".");
            } else {
                check(field.type, child.value);
            }
        }
        for (Ast.FieldDefinition field : Ast.orEmpty(type.fields)) {
            if (field.type.nonNull && field.defaultValue == null && !present.contains(field.name)) {
                error(value.pos, "Field \"" + type.name + "." + field.name + "\" of required type \"" + field.type
                        + "\" was not provided.");
            }
        }
    }

    private void checkEnum(Ast.Definition type, Ast.Value value) {
        if (value.kind != Ast.Value.ENUM) {
            error(value.pos, "Enum \"" + type.name + "\" cannot represent non-enum value: " + render(value) + ".");
            return;
        }
        boolean known = Ast.orEmpty(type.enumValues).stream().anyMatch(enumValue -> enumValue.name.equals(value.raw));
        if (!known) {
            error(value.pos, "Value \"" + value.raw + "\" does not exist in \"" + type.name + "\" enum.");
        }
    }

    /** Checks literals of the built-in scalars. Custom scalars accept any literal. */
    private void checkScalar(String name, Ast.Value value) {
        int kind = value.kind;
        String problem = switch (name) {
            case "Int" -> kind == Ast.Value.INT ? null : "Int cannot represent non-integer value: ";
            case "Float" -> kind == Ast.Value.INT || kind == Ast.Value.FLOAT
                    ? null : "Float cannot represent non numeric value: ";
            case "String" -> isString(kind) ? null : "String cannot represent a non string value: ";
            case "Boolean" -> kind == Ast.Value.BOOLEAN ? null : "Boolean cannot represent a non boolean value: ";
            case "ID" -> isString(kind) || kind == Ast.Value.INT
                    ? null : "ID cannot represent a non-string and non-integer value: ";
            default -> null;
        };
        if (problem != null) {
            error(value.pos, problem + render(value));
        }
    }

    private static boolean isString(int kind) {
        return kind == Ast.Value.STRING || kind == Ast.Value.BLOCK;
    }

    /** Renders a literal as GraphQL source, as gqlparser's messages show values. */
    static String render(Ast.Value value) {
        switch (value.kind) {
            case Ast.Value.VARIABLE:
                return "$" + value.raw;
            case Ast.Value.STRING:
            case Ast.Value.BLOCK:
                return GoQuoting.quote(value.raw);
            case Ast.Value.LIST: {
                List<String> items = new ArrayList<>();
                Ast.orEmpty(value.children).forEach(child -> items.add(render(child.value)));
                return "[" + String.join(", ", items) + "]";
            }
            case Ast.Value.OBJECT: {
                List<String> fields = new ArrayList<>();
                Ast.orEmpty(value.children).forEach(child -> fields.add(child.name + ": " + render(child.value)));
                return "{" + String.join(", ", fields) + "}";
            }
            default:
                return value.raw;
        }
    }

    private void error(Ast.Pos pos, String message) {
        errors.add(GraphqlError.at(pos, message));
    }
}
