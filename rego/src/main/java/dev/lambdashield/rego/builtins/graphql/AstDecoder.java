package dev.lambdashield.rego.builtins.graphql;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a syntax tree back from a Rego object in the shape {@link AstEncoder} writes, as OPA does by
 * decoding the object's JSON into gqlparser's structs: unknown keys are ignored, missing ones take
 * their zero value and positions are absent. Like gqlparser's decoder, every selection that reads as
 * a field becomes a field, so fragment spreads and inline fragments come back as fields.
 */
final class AstDecoder {

    private AstDecoder() {
    }

    static Ast.QueryDocument queryDocument(ObjectValue object) {
        Ast.QueryDocument document = new Ast.QueryDocument();
        document.operations = list(object, "Operations", AstDecoder::operation);
        document.fragments = list(object, "Fragments", AstDecoder::fragment);
        return document;
    }

    static Ast.SchemaDocument schemaDocument(ObjectValue object) {
        Ast.SchemaDocument document = new Ast.SchemaDocument();
        document.schema = list(object, "Schema", AstDecoder::schemaDefinition);
        document.schemaExtension = list(object, "SchemaExtension", AstDecoder::schemaDefinition);
        document.directives = list(object, "Directives", AstDecoder::directiveDefinition);
        document.definitions = list(object, "Definitions", AstDecoder::definition);
        document.extensions = list(object, "Extensions", AstDecoder::definition);
        return document;
    }

    private static Ast.OperationDefinition operation(ObjectValue object) {
        Ast.OperationDefinition operation = new Ast.OperationDefinition();
        operation.operation = string(object, "Operation");
        operation.name = string(object, "Name");
        operation.variableDefinitions = list(object, "VariableDefinitions", AstDecoder::variableDefinition);
        operation.directives = list(object, "Directives", AstDecoder::directive);
        operation.selectionSet = list(object, "SelectionSet", AstDecoder::field);
        return operation;
    }

    private static Ast.FragmentDefinition fragment(ObjectValue object) {
        Ast.FragmentDefinition fragment = new Ast.FragmentDefinition();
        fragment.name = string(object, "Name");
        fragment.variableDefinition = list(object, "VariableDefinition", AstDecoder::variableDefinition);
        fragment.typeCondition = string(object, "TypeCondition");
        fragment.directives = list(object, "Directives", AstDecoder::directive);
        fragment.selectionSet = list(object, "SelectionSet", AstDecoder::field);
        return fragment;
    }

    private static Ast.VariableDefinition variableDefinition(ObjectValue object) {
        Ast.VariableDefinition definition = new Ast.VariableDefinition();
        definition.variable = string(object, "Variable");
        definition.type = nested(object, "Type", AstDecoder::type);
        definition.defaultValue = nested(object, "DefaultValue", AstDecoder::value);
        definition.directives = list(object, "Directives", AstDecoder::directive);
        definition.used = bool(object, "Used");
        return definition;
    }

    private static Ast.Selection field(ObjectValue object) {
        Ast.Field field = new Ast.Field();
        field.alias = string(object, "Alias");
        field.name = string(object, "Name");
        field.arguments = list(object, "Arguments", AstDecoder::argument);
        field.directives = list(object, "Directives", AstDecoder::directive);
        field.selectionSet = list(object, "SelectionSet", AstDecoder::field);
        return field;
    }

    private static Ast.Argument argument(ObjectValue object) {
        Ast.Argument argument = new Ast.Argument();
        argument.name = string(object, "Name");
        argument.value = nested(object, "Value", AstDecoder::value);
        return argument;
    }

    private static Ast.Directive directive(ObjectValue object) {
        Ast.Directive directive = new Ast.Directive();
        directive.name = string(object, "Name");
        directive.arguments = list(object, "Arguments", AstDecoder::argument);
        directive.location = string(object, "Location");
        return directive;
    }

    private static Ast.TypeRef type(ObjectValue object) {
        Ast.TypeRef type = new Ast.TypeRef();
        type.namedType = string(object, "NamedType");
        type.elem = nested(object, "Elem", AstDecoder::type);
        type.nonNull = bool(object, "NonNull");
        return type;
    }

    private static Ast.Value value(ObjectValue object) {
        Ast.Value value = new Ast.Value();
        value.raw = string(object, "Raw");
        value.children = list(object, "Children", child -> {
            Ast.ChildValue childValue = new Ast.ChildValue();
            childValue.name = string(child, "Name");
            childValue.value = nested(child, "Value", AstDecoder::value);
            return childValue;
        });
        value.kind = integer(object, "Kind");
        return value;
    }

    private static Ast.SchemaDefinition schemaDefinition(ObjectValue object) {
        Ast.SchemaDefinition definition = new Ast.SchemaDefinition();
        definition.description = string(object, "Description");
        definition.directives = list(object, "Directives", AstDecoder::directive);
        definition.operationTypes = list(object, "OperationTypes", entry -> {
            Ast.OperationTypeDefinition operationType = new Ast.OperationTypeDefinition();
            operationType.operation = string(entry, "Operation");
            operationType.type = string(entry, "Type");
            return operationType;
        });
        return definition;
    }

    private static Ast.DirectiveDefinition directiveDefinition(ObjectValue object) {
        Ast.DirectiveDefinition definition = new Ast.DirectiveDefinition();
        definition.description = string(object, "Description");
        definition.name = string(object, "Name");
        definition.arguments = list(object, "Arguments", AstDecoder::argumentDefinition);
        definition.locations = strings(object, "Locations");
        definition.isRepeatable = bool(object, "IsRepeatable");
        return definition;
    }

    private static Ast.Definition definition(ObjectValue object) {
        Ast.Definition definition = new Ast.Definition();
        definition.kind = string(object, "Kind");
        definition.description = string(object, "Description");
        definition.name = string(object, "Name");
        definition.directives = list(object, "Directives", AstDecoder::directive);
        definition.interfaces = strings(object, "Interfaces");
        definition.fields = list(object, "Fields", AstDecoder::fieldDefinition);
        definition.types = strings(object, "Types");
        definition.enumValues = list(object, "EnumValues", entry -> {
            Ast.EnumValueDefinition value = new Ast.EnumValueDefinition();
            value.description = string(entry, "Description");
            value.name = string(entry, "Name");
            value.directives = list(entry, "Directives", AstDecoder::directive);
            return value;
        });
        definition.builtIn = bool(object, "BuiltIn");
        return definition;
    }

    private static Ast.FieldDefinition fieldDefinition(ObjectValue object) {
        Ast.FieldDefinition field = new Ast.FieldDefinition();
        field.description = string(object, "Description");
        field.name = string(object, "Name");
        field.arguments = list(object, "Arguments", AstDecoder::argumentDefinition);
        field.defaultValue = nested(object, "DefaultValue", AstDecoder::value);
        field.type = typeOrEmpty(object);
        field.directives = list(object, "Directives", AstDecoder::directive);
        return field;
    }

    private static Ast.ArgumentDefinition argumentDefinition(ObjectValue object) {
        Ast.ArgumentDefinition argument = new Ast.ArgumentDefinition();
        argument.description = string(object, "Description");
        argument.name = string(object, "Name");
        argument.defaultValue = nested(object, "DefaultValue", AstDecoder::value);
        argument.type = typeOrEmpty(object);
        argument.directives = list(object, "Directives", AstDecoder::directive);
        return argument;
    }

    /** A missing type reads as an unnamed one, which schema validation then reports as undefined. */
    private static Ast.TypeRef typeOrEmpty(ObjectValue object) {
        Ast.TypeRef type = nested(object, "Type", AstDecoder::type);
        return type == null ? new Ast.TypeRef() : type;
    }

    // Field access with the JSON decoder's type checks.

    private static Value field(ObjectValue object, String key) {
        Value value = object.get(key);
        return value == null || value instanceof NullValue ? null : value;
    }

    private static String string(ObjectValue object, String key) {
        Value value = field(object, key);
        if (value == null) {
            return "";
        }
        if (value instanceof StringValue text) {
            return text.value();
        }
        throw mismatch(key, value, "string");
    }

    private static boolean bool(ObjectValue object, String key) {
        Value value = field(object, key);
        if (value == null) {
            return false;
        }
        if (value instanceof BooleanValue flag) {
            return flag.value();
        }
        throw mismatch(key, value, "bool");
    }

    private static int integer(ObjectValue object, String key) {
        Value value = field(object, key);
        if (value == null) {
            return 0;
        }
        if (value instanceof NumberValue number && number.intValue().isPresent()) {
            return number.intValue().get();
        }
        throw mismatch(key, value, "int");
    }

    private static <T> T nested(ObjectValue object, String key, Function<ObjectValue, T> decoder) {
        Value value = field(object, key);
        if (value == null) {
            return null;
        }
        if (value instanceof ObjectValue nestedObject) {
            return decoder.apply(nestedObject);
        }
        throw mismatch(key, value, "object");
    }

    private static <T> List<T> list(ObjectValue object, String key, Function<ObjectValue, T> decoder) {
        List<T> result = new ArrayList<>();
        for (Value element : elements(object, key)) {
            if (element instanceof ObjectValue elementObject) {
                result.add(decoder.apply(elementObject));
            } else if (!(element instanceof NullValue)) {
                throw mismatch(key, element, "object");
            }
        }
        return result;
    }

    private static List<String> strings(ObjectValue object, String key) {
        List<String> result = new ArrayList<>();
        for (Value element : elements(object, key)) {
            if (!(element instanceof StringValue text)) {
                throw mismatch(key, element, "string");
            }
            result.add(text.value());
        }
        return result;
    }

    private static List<Value> elements(ObjectValue object, String key) {
        Value value = field(object, key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof ArrayValue array) {
            return array.elements();
        }
        throw mismatch(key, value, "array");
    }

    private static GraphqlError mismatch(String key, Value value, String expected) {
        return new GraphqlError("cannot unmarshal " + value.typeName() + " into GraphQL AST field " + key
                + " of type " + expected, 0, 0);
    }
}
