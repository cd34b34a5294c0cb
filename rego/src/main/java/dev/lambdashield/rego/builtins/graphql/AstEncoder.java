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
import java.util.Map;
import java.util.function.Function;

/**
 * Converts the syntax tree to the Rego object OPA returns: gqlparser's JSON field names, with null
 * fields and empty arrays and objects left out (positions are never included).
 */
final class AstEncoder {

    private AstEncoder() {
    }

    static ObjectValue encode(Ast.QueryDocument document) {
        return (ObjectValue) prune(object(
                "Operations", list(document.operations, AstEncoder::operation),
                "Fragments", list(document.fragments, AstEncoder::fragment)));
    }

    static ObjectValue encode(Ast.SchemaDocument document) {
        return (ObjectValue) prune(object(
                "Schema", list(document.schema, AstEncoder::schemaDefinition),
                "SchemaExtension", list(document.schemaExtension, AstEncoder::schemaDefinition),
                "Directives", list(document.directives, AstEncoder::directiveDefinition),
                "Definitions", list(document.definitions, AstEncoder::definition),
                "Extensions", list(document.extensions, AstEncoder::definition)));
    }

    private static Value operation(Ast.OperationDefinition operation) {
        return object("Operation", str(operation.operation), "Name", str(operation.name),
                "VariableDefinitions", list(operation.variableDefinitions, AstEncoder::variableDefinition),
                "Directives", list(operation.directives, AstEncoder::directive),
                "SelectionSet", list(operation.selectionSet, AstEncoder::selection));
    }

    private static Value fragment(Ast.FragmentDefinition fragment) {
        return object("Name", str(fragment.name),
                "VariableDefinition", list(fragment.variableDefinition, AstEncoder::variableDefinition),
                "TypeCondition", str(fragment.typeCondition),
                "Directives", list(fragment.directives, AstEncoder::directive),
                "SelectionSet", list(fragment.selectionSet, AstEncoder::selection));
    }

    private static Value variableDefinition(Ast.VariableDefinition definition) {
        return object("Variable", str(definition.variable), "Type", type(definition.type),
                "DefaultValue", value(definition.defaultValue),
                "Directives", list(definition.directives, AstEncoder::directive),
                "Used", BooleanValue.of(definition.used));
    }

    private static Value selection(Ast.Selection selection) {
        if (selection instanceof Ast.Field field) {
            return object("Alias", str(field.alias), "Name", str(field.name),
                    "Arguments", list(field.arguments, AstEncoder::argument),
                    "Directives", list(field.directives, AstEncoder::directive),
                    "SelectionSet", list(field.selectionSet, AstEncoder::selection));
        }
        if (selection instanceof Ast.FragmentSpread spread) {
            return object("Name", str(spread.name), "Directives", list(spread.directives, AstEncoder::directive));
        }
        Ast.InlineFragment fragment = (Ast.InlineFragment) selection;
        return object("TypeCondition", str(fragment.typeCondition),
                "Directives", list(fragment.directives, AstEncoder::directive),
                "SelectionSet", list(fragment.selectionSet, AstEncoder::selection));
    }

    private static Value argument(Ast.Argument argument) {
        return object("Name", str(argument.name), "Value", value(argument.value));
    }

    private static Value directive(Ast.Directive directive) {
        return object("Name", str(directive.name), "Arguments", list(directive.arguments, AstEncoder::argument),
                "Location", str(directive.location));
    }

    private static Value type(Ast.TypeRef type) {
        if (type == null) {
            return NullValue.INSTANCE;
        }
        return object("NamedType", str(type.namedType), "Elem", type(type.elem), "NonNull", BooleanValue.of(type.nonNull));
    }

    private static Value value(Ast.Value value) {
        if (value == null) {
            return NullValue.INSTANCE;
        }
        return object("Raw", str(value.raw), "Children", list(value.children, AstEncoder::childValue),
                "Kind", NumberValue.of(value.kind));
    }

    private static Value childValue(Ast.ChildValue child) {
        return object("Name", str(child.name), "Value", value(child.value));
    }

    private static Value schemaDefinition(Ast.SchemaDefinition definition) {
        return object("Description", str(definition.description),
                "Directives", list(definition.directives, AstEncoder::directive),
                "OperationTypes", list(definition.operationTypes,
                        op -> object("Operation", str(op.operation), "Type", str(op.type))));
    }

    private static Value directiveDefinition(Ast.DirectiveDefinition definition) {
        return object("Description", str(definition.description), "Name", str(definition.name),
                "Arguments", list(definition.arguments, AstEncoder::argumentDefinition),
                "Locations", list(definition.locations, StringValue::of),
                "IsRepeatable", BooleanValue.of(definition.isRepeatable));
    }

    private static Value definition(Ast.Definition definition) {
        return object("Kind", str(definition.kind), "Description", str(definition.description),
                "Name", str(definition.name), "Directives", list(definition.directives, AstEncoder::directive),
                "Interfaces", list(definition.interfaces, StringValue::of),
                "Fields", list(definition.fields, AstEncoder::fieldDefinition),
                "Types", list(definition.types, StringValue::of),
                "EnumValues", list(definition.enumValues, AstEncoder::enumValue),
                "BuiltIn", BooleanValue.of(definition.builtIn));
    }

    private static Value fieldDefinition(Ast.FieldDefinition field) {
        return object("Description", str(field.description), "Name", str(field.name),
                "Arguments", list(field.arguments, AstEncoder::argumentDefinition),
                "DefaultValue", value(field.defaultValue), "Type", type(field.type),
                "Directives", list(field.directives, AstEncoder::directive));
    }

    private static Value argumentDefinition(Ast.ArgumentDefinition argument) {
        return object("Description", str(argument.description), "Name", str(argument.name),
                "DefaultValue", value(argument.defaultValue), "Type", type(argument.type),
                "Directives", list(argument.directives, AstEncoder::directive));
    }

    private static Value enumValue(Ast.EnumValueDefinition value) {
        return object("Description", str(value.description), "Name", str(value.name),
                "Directives", list(value.directives, AstEncoder::directive));
    }

    // Building blocks.

    private static Value str(String text) {
        return StringValue.of(text);
    }

    private static <T> Value list(List<T> items, Function<T, Value> encoder) {
        if (items == null) {
            return NullValue.INSTANCE;
        }
        List<Value> values = new ArrayList<>(items.size());
        for (T item : items) {
            values.add(item == null ? NullValue.INSTANCE : encoder.apply(item));
        }
        return ArrayValue.of(values);
    }

    private static ObjectValue object(Object... keysAndValues) {
        ObjectValue.Builder builder = ObjectValue.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return builder.build();
    }

    /** Drops nulls and, after pruning them, empty arrays and objects, as OPA's GraphQL built-ins do. */
    static Value prune(Value value) {
        if (value instanceof ArrayValue array) {
            List<Value> kept = new ArrayList<>();
            for (Value element : array.elements()) {
                Value pruned = prune(element);
                if (!isEmpty(pruned)) {
                    kept.add(pruned);
                }
            }
            return ArrayValue.of(kept);
        }
        if (value instanceof ObjectValue object) {
            ObjectValue.Builder builder = ObjectValue.builder();
            for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
                if (entry.getKey().equals(StringValue.of("Position"))) {
                    continue;
                }
                Value pruned = prune(entry.getValue());
                if (!isEmpty(pruned)) {
                    builder.put(entry.getKey(), pruned);
                }
            }
            return builder.build();
        }
        return value;
    }

    private static boolean isEmpty(Value value) {
        return value instanceof NullValue
                || value instanceof ArrayValue array && array.size() == 0
                || value instanceof ObjectValue object && object.size() == 0;
    }
}
