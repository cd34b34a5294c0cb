package dev.lambdashield.rego.builtins.graphql;

import java.util.List;
import java.util.Set;

/** The checks gqlparser applies to each type and directive definition of a schema, with its messages. */
final class SchemaDefinitionRules {

    private static final Set<String> OUTPUT_FIELD_KINDS = Set.of("SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM");
    private static final Set<String> INPUT_FIELD_KINDS = Set.of("SCALAR", "ENUM", "INPUT_OBJECT");

    private SchemaDefinitionRules() {
    }

    static void validateDefinition(GraphqlSchema schema, Ast.Definition definition) {
        String fieldLocation = definition.kind.equals("INPUT_OBJECT") ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION";
        for (Ast.FieldDefinition field : Ast.orEmpty(definition.fields)) {
            validateName(field.pos, field.name);
            validateTypeRef(schema, field.type);
            validateArguments(schema, field.arguments, null);
            validateDirectives(schema, field.directives, fieldLocation, null);
        }
        for (String member : Ast.orEmpty(definition.types)) {
            Ast.Definition memberType = schema.types.get(member);
            if (memberType == null) {
                throw GraphqlError.at(definition.pos, "Undefined type " + GoQuoting.quote(member) + ".");
            }
            if (!memberType.kind.equals("OBJECT")) {
                throw GraphqlError.at(definition.pos, definition.kind + " type " + GoQuoting.quote(member) + " must be OBJECT.");
            }
        }
        for (String name : Ast.orEmpty(definition.interfaces)) {
            validateImplements(schema, definition, name);
        }
        validateMembers(schema, definition);
        List<Ast.FieldDefinition> fields = Ast.orEmpty(definition.fields);
        for (int i = 0; i < fields.size(); i++) {
            for (int j = i + 1; j < fields.size(); j++) {
                if (fields.get(i).name.equals(fields.get(j).name)) {
                    throw GraphqlError.at(fields.get(j).pos,
                            "Field " + definition.name + "." + fields.get(j).name + " can only be defined once.");
                }
            }
        }
        if (!definition.builtIn) {
            validateName(definition.pos, definition.name);
        }
        validateDirectives(schema, definition.directives, definition.kind, null);
    }

    /** Checks that a type has members of the allowed kinds: fields, enum values or input fields. */
    private static void validateMembers(GraphqlSchema schema, Ast.Definition definition) {
        String subject = definition.kind + " " + definition.name;
        switch (definition.kind) {
            case "OBJECT", "INTERFACE" -> {
                if (Ast.orEmpty(definition.fields).isEmpty()) {
                    throw GraphqlError.at(definition.pos, subject + ": must define one or more fields.");
                }
                for (Ast.FieldDefinition field : definition.fields) {
                    Ast.Definition type = schema.types.get(field.type.name());
                    if (type != null && !OUTPUT_FIELD_KINDS.contains(type.kind)) {
                        throw GraphqlError.at(field.pos,
                                subject + ": field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.");
                    }
                }
            }
            case "ENUM" -> {
                if (Ast.orEmpty(definition.enumValues).isEmpty()) {
                    throw GraphqlError.at(definition.pos, subject + ": must define one or more unique enum values.");
                }
                for (Ast.EnumValueDefinition value : definition.enumValues) {
                    if (Set.of("true", "false", "null").contains(value.name)) {
                        throw GraphqlError.at(definition.pos, subject + ": non-enum value " + value.name + ".");
                    }
                }
            }
            case "INPUT_OBJECT" -> {
                if (Ast.orEmpty(definition.fields).isEmpty()) {
                    throw GraphqlError.at(definition.pos, subject + ": must define one or more input fields.");
                }
                for (Ast.FieldDefinition field : definition.fields) {
                    Ast.Definition type = schema.types.get(field.type.name());
                    if (type != null && !INPUT_FIELD_KINDS.contains(type.kind)) {
                        throw GraphqlError.at(field.pos,
                                type.kind + " " + field.name + ": field must be one of SCALAR, ENUM, INPUT_OBJECT.");
                    }
                }
            }
            default -> {
            }
        }
    }

    static void validateArguments(GraphqlSchema schema, List<Ast.ArgumentDefinition> arguments,
            Ast.DirectiveDefinition currentDirective) {
        for (Ast.ArgumentDefinition argument : Ast.orEmpty(arguments)) {
            validateName(argument.pos, argument.name);
            validateTypeRef(schema, argument.type);
            Ast.Definition type = schema.types.get(argument.type.name());
            if (!GraphqlSchema.isInputType(type)) {
                throw GraphqlError.at(argument.pos, "cannot use " + argument.type + " as argument " + argument.name
                        + " because " + type.kind + " is not a valid input type");
            }
            validateDirectives(schema, argument.directives, "ARGUMENT_DEFINITION", currentDirective);
        }
    }

    static void validateDirectives(GraphqlSchema schema, List<Ast.Directive> directives, String location,
            Ast.DirectiveDefinition currentDirective) {
        for (Ast.Directive directive : Ast.orEmpty(directives)) {
            validateName(directive.pos, directive.name);
            if (currentDirective != null && directive.name.equals(currentDirective.name)) {
                throw GraphqlError.at(directive.pos, "Directive " + currentDirective.name + " cannot refer to itself.");
            }
            Ast.DirectiveDefinition definition = schema.directives.get(directive.name);
            if (definition == null) {
                throw GraphqlError.at(directive.pos, "Undefined directive " + directive.name + ".");
            }
            if (!Ast.orEmpty(definition.locations).contains(location)) {
                throw GraphqlError.at(directive.pos, "Directive " + directive.name + " is not applicable on " + location + ".");
            }
        }
    }

    private static void validateTypeRef(GraphqlSchema schema, Ast.TypeRef type) {
        if (!schema.types.containsKey(type.name())) {
            throw GraphqlError.at(type.pos, "Undefined type " + type.name() + ".");
        }
    }

    static void validateName(Ast.Pos pos, String name) {
        if (name.startsWith("__")) {
            throw GraphqlError.at(pos, "Name \"" + name
                    + "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }

    private static void validateImplements(GraphqlSchema schema, Ast.Definition definition, String interfaceName) {
        Ast.Definition contract = schema.types.get(interfaceName);
        if (contract == null) {
            throw GraphqlError.at(definition.pos, "Undefined type " + GoQuoting.quote(interfaceName) + ".");
        }
        if (!contract.kind.equals("INTERFACE")) {
            throw GraphqlError.at(definition.pos, GoQuoting.quote(interfaceName) + " is a non interface type "
                    + contract.kind + ".");
        }
        String prefix = "For " + definition.name + " to implement " + contract.name;
        for (Ast.FieldDefinition required : Ast.orEmpty(contract.fields)) {
            Ast.FieldDefinition found = GraphqlSchema.field(definition, required.name);
            if (found == null) {
                throw GraphqlError.at(definition.pos, prefix + " it must have a field called " + required.name + ".");
            }
            if (!isCovariant(schema, required.type, found.type)) {
                throw GraphqlError.at(found.pos, prefix + " the field " + required.name + " must have type "
                        + required.type + ".");
            }
            validateImplementedArguments(definition, contract, required, found, prefix);
        }
        for (String transitive : Ast.orEmpty(contract.interfaces)) {
            if (!Ast.orEmpty(definition.interfaces).contains(transitive)) {
                if (transitive.equals(definition.name)) {
                    throw GraphqlError.at(definition.pos, "Type " + definition.name + " cannot implement " + interfaceName
                            + " because it would create a circular reference.");
                }
                throw GraphqlError.at(definition.pos, "Type " + definition.name + " must implement " + transitive
                        + " because it is implemented by " + interfaceName + ".");
            }
        }
    }

    private static void validateImplementedArguments(Ast.Definition definition, Ast.Definition contract,
            Ast.FieldDefinition required, Ast.FieldDefinition found, String prefix) {
        for (Ast.ArgumentDefinition requiredArgument : Ast.orEmpty(required.arguments)) {
            Ast.ArgumentDefinition foundArgument = argument(found, requiredArgument.name);
            if (foundArgument == null) {
                throw GraphqlError.at(found.pos, prefix + " the field " + required.name
                        + " must have the same arguments but it is missing " + requiredArgument.name + ".");
            }
            if (!isCompatible(requiredArgument.type, foundArgument.type)) {
                throw GraphqlError.at(foundArgument.pos, prefix + " the field " + required.name
                        + " must have the same arguments but " + requiredArgument.name + " has the wrong type.");
            }
        }
        for (Ast.ArgumentDefinition extra : Ast.orEmpty(found.arguments)) {
            if (argument(required, extra.name) == null && extra.type.nonNull && extra.defaultValue == null) {
                throw GraphqlError.at(extra.pos, prefix + " any additional arguments on " + found.name
                        + " must be optional or have a default value but " + extra.name + " is required.");
            }
        }
    }

    static Ast.ArgumentDefinition argument(Ast.FieldDefinition field, String name) {
        for (Ast.ArgumentDefinition argument : Ast.orEmpty(field.arguments)) {
            if (argument.name.equals(name)) {
                return argument;
            }
        }
        return null;
    }

    private static boolean isCovariant(GraphqlSchema schema, Ast.TypeRef required, Ast.TypeRef actual) {
        if (required.nonNull && !actual.nonNull) {
            return false;
        }
        if (!required.namedType.isEmpty()) {
            if (required.namedType.equals(actual.namedType)) {
                return true;
            }
            for (Ast.Definition possible : schema.possibleTypes.getOrDefault(required.namedType, List.of())) {
                if (possible != null && possible.name.equals(actual.namedType)) {
                    return true;
                }
            }
            return false;
        }
        if (required.elem == null || actual.elem == null) {
            return false;
        }
        return isCovariant(schema, required.elem, actual.elem);
    }

    static boolean isCompatible(Ast.TypeRef expected, Ast.TypeRef other) {
        if (!expected.namedType.equals(other.namedType)) {
            return false;
        }
        if (expected.elem != null && (other.elem == null || !isCompatible(expected.elem, other.elem))) {
            return false;
        }
        return !other.nonNull || expected.nonNull;
    }
}
