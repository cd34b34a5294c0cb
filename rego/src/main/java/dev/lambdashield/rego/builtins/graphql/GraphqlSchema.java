package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A loaded, validated schema: types and directives by name, and the root operation types. */
final class GraphqlSchema {

    final Map<String, Ast.Definition> types = new HashMap<>();
    final Map<String, Ast.DirectiveDefinition> directives = new HashMap<>();
    /** For an interface or union, the types that may stand for it; an object lists itself. */
    final Map<String, List<Ast.Definition>> possibleTypes = new HashMap<>();
    Ast.Definition query;
    Ast.Definition mutation;
    Ast.Definition subscription;

    void addPossibleType(String name, Ast.Definition definition) {
        possibleTypes.computeIfAbsent(name, k -> new ArrayList<>()).add(definition);
    }

    Ast.Definition rootFor(String operation) {
        return switch (operation) {
            case "query" -> query;
            case "mutation" -> mutation;
            case "subscription" -> subscription;
            default -> null;
        };
    }

    static boolean isInputType(Ast.Definition definition) {
        return definition != null && (definition.kind.equals("SCALAR") || definition.kind.equals("ENUM")
                || definition.kind.equals("INPUT_OBJECT"));
    }

    static boolean isCompositeType(Ast.Definition definition) {
        return definition != null && (definition.kind.equals("OBJECT") || definition.kind.equals("INTERFACE")
                || definition.kind.equals("UNION"));
    }

    static boolean isLeafType(Ast.Definition definition) {
        return definition != null && (definition.kind.equals("SCALAR") || definition.kind.equals("ENUM"));
    }

    static Ast.FieldDefinition field(Ast.Definition definition, String name) {
        for (Ast.FieldDefinition field : Ast.orEmpty(definition.fields)) {
            if (field.name.equals(name)) {
                return field;
            }
        }
        return null;
    }
}
