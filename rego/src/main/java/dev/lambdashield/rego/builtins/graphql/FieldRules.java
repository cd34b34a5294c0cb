package dev.lambdashield.rego.builtins.graphql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The per-field and per-directive validation rules, reporting into a shared error list. */
final class FieldRules {

    private final GraphqlSchema schema;
    private final List<GraphqlError> errors;
    private final ValueRules valueRules;

    FieldRules(GraphqlSchema schema, List<GraphqlError> errors) {
        this.schema = schema;
        this.errors = errors;
        this.valueRules = new ValueRules(schema, errors);
    }

    ValueRules valueRules() {
        return valueRules;
    }

    /** Checks one field and returns the definition of its type, or null when it cannot be resolved. */
    Ast.Definition checkField(Ast.Definition parent, Ast.Field field) {
        Ast.FieldDefinition definition = definitionOf(parent, field.name);
        if (parent != null && definition == null) {
            error(field.pos, "Cannot query field \"" + field.name + "\" on type \"" + parent.name + "\".");
        }
        checkArguments(field, parent, definition);
        checkDirectives(field.directives, "FIELD");
        if (definition == null) {
            return null;
        }
        Ast.Definition type = schema.types.get(definition.type.name());
        boolean hasSelection = !Ast.orEmpty(field.selectionSet).isEmpty();
        if (GraphqlSchema.isLeafType(type) && hasSelection) {
            error(field.pos, "Field \"" + field.name + "\" must not have a selection since type \"" + definition.type
                    + "\" has no subfields.");
        } else if (type != null && !GraphqlSchema.isLeafType(type) && !hasSelection) {
            error(field.pos, "Field \"" + field.name + "\" of type \"" + definition.type
                    + "\" must have a selection of subfields.");
        }
        return type;
    }

    private Ast.FieldDefinition definitionOf(Ast.Definition parent, String name) {
        if (name.equals("__typename")) {
            Ast.FieldDefinition typename = new Ast.FieldDefinition();
            typename.name = name;
            typename.type = SchemaLoader.namedType("String", true);
            return typename;
        }
        return parent == null ? null : GraphqlSchema.field(parent, name);
    }

    private void checkArguments(Ast.Field field, Ast.Definition parent, Ast.FieldDefinition definition) {
        checkUniqueArguments(field.arguments);
        if (definition == null) {
            return;
        }
        for (Ast.Argument argument : Ast.orEmpty(field.arguments)) {
            Ast.ArgumentDefinition argumentDefinition = SchemaDefinitionRules.argument(definition, argument.name);
            if (argumentDefinition == null) {
                error(argument.pos, "Unknown argument \"" + argument.name + "\" on field \"" + parent.name + "."
                        + field.name + "\".");
            } else {
                valueRules.check(argumentDefinition.type, argument.value);
            }
        }
        for (Ast.ArgumentDefinition required : Ast.orEmpty(definition.arguments)) {
            if (isRequired(required) && !provided(field.arguments, required.name)) {
                error(field.pos, "Field \"" + field.name + "\" argument \"" + required.name + "\" of type \""
                        + required.type + "\" is required, but it was not provided.");
            }
        }
    }

    /** Checks directives used at {@code location}: known, allowed there, unique, with valid arguments. */
    void checkDirectives(List<Ast.Directive> directives, String location) {
        Set<String> seen = new HashSet<>();
        for (Ast.Directive directive : Ast.orEmpty(directives)) {
            Ast.DirectiveDefinition definition = schema.directives.get(directive.name);
            checkUniqueArguments(directive.arguments);
            if (definition == null) {
                error(directive.pos, "Unknown directive \"@" + directive.name + "\".");
                continue;
            }
            if (!Ast.orEmpty(definition.locations).contains(location)) {
                error(directive.pos, "Directive \"@" + directive.name + "\" may not be used on " + location + ".");
            }
            if (!definition.isRepeatable && !seen.add(directive.name)) {
                error(directive.pos, "The directive \"@" + directive.name + "\" can only be used once at this location.");
            }
            checkDirectiveArguments(directive, definition);
        }
    }

    private void checkDirectiveArguments(Ast.Directive directive, Ast.DirectiveDefinition definition) {
        for (Ast.Argument argument : Ast.orEmpty(directive.arguments)) {
            Ast.ArgumentDefinition argumentDefinition = argumentDefinition(definition.arguments, argument.name);
            if (argumentDefinition == null) {
                error(argument.pos, "Unknown argument \"" + argument.name + "\" on directive \"@" + directive.name + "\".");
            } else {
                valueRules.check(argumentDefinition.type, argument.value);
            }
        }
        for (Ast.ArgumentDefinition required : Ast.orEmpty(definition.arguments)) {
            if (isRequired(required) && !provided(directive.arguments, required.name)) {
                error(directive.pos, "Directive \"@" + directive.name + "\" argument \"" + required.name + "\" of type \""
                        + required.type + "\" is required, but it was not provided.");
            }
        }
    }

    private void checkUniqueArguments(List<Ast.Argument> arguments) {
        Set<String> names = new HashSet<>();
        for (Ast.Argument argument : Ast.orEmpty(arguments)) {
            if (!names.add(argument.name)) {
                error(argument.pos, "There can be only one argument named \"" + argument.name + "\".");
            }
        }
    }

    private static boolean isRequired(Ast.ArgumentDefinition argument) {
        return argument.type != null && argument.type.nonNull && argument.defaultValue == null;
    }

    private static boolean provided(List<Ast.Argument> arguments, String name) {
        return Ast.orEmpty(arguments).stream().anyMatch(argument -> argument.name.equals(name));
    }

    private static Ast.ArgumentDefinition argumentDefinition(List<Ast.ArgumentDefinition> definitions, String name) {
        return Ast.orEmpty(definitions).stream().filter(d -> d.name.equals(name)).findFirst().orElse(null);
    }

    private void error(Ast.Pos pos, String message) {
        errors.add(GraphqlError.at(pos, message));
    }
}
