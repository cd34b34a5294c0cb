package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link GraphqlSchema} from a schema document plus the prelude and checks it with
 * gqlparser's schema rules and messages. The first violation is thrown as a {@link GraphqlError}.
 */
final class SchemaLoader {

    /** Directives that a schema may declare again over the prelude's; the first declaration wins. */
    private static final Set<String> REDECLARABLE_DIRECTIVES = Set.of("include", "skip", "deprecated", "specifiedBy");

    private final GraphqlSchema schema = new GraphqlSchema();

    private SchemaLoader() {
    }

    static GraphqlSchema load(Ast.SchemaDocument document) {
        Ast.SchemaDocument prelude = Prelude.document();
        Ast.SchemaDocument merged = new Ast.SchemaDocument();
        for (Ast.SchemaDocument part : List.of(prelude, document)) {
            merged.schema.addAll(part.schema);
            merged.schemaExtension.addAll(part.schemaExtension);
            merged.directives.addAll(part.directives);
            merged.definitions.addAll(part.definitions);
            merged.extensions.addAll(part.extensions);
        }
        return new SchemaLoader().build(merged);
    }

    private GraphqlSchema build(Ast.SchemaDocument document) {
        List<Ast.Definition> definitions = collectTypes(document);
        recordPossibleTypes(definitions);
        for (Ast.DirectiveDefinition directive : document.directives) {
            if (schema.directives.containsKey(directive.name) && !REDECLARABLE_DIRECTIVES.contains(directive.name)) {
                throw GraphqlError.at(directive.pos, "Cannot redeclare directive " + directive.name + ".");
            }
            schema.directives.put(directive.name, directive);
        }
        if (document.schema.size() > 1) {
            throw GraphqlError.at(document.schema.get(1).pos,
                    "Cannot have multiple schema entry points, consider schema extensions instead.");
        }
        document.schema.forEach(this::assignRoots);
        document.schemaExtension.forEach(this::assignRoots);
        for (String name : new TreeSet<>(schema.types.keySet())) {
            SchemaDefinitionRules.validateDefinition(schema, schema.types.get(name));
        }
        for (String name : new TreeSet<>(schema.directives.keySet())) {
            Ast.DirectiveDefinition directive = schema.directives.get(name);
            SchemaDefinitionRules.validateName(directive.pos, directive.name);
            SchemaDefinitionRules.validateArguments(schema, directive.arguments, directive);
        }
        if (document.schema.isEmpty()) {
            inferRoots();
        }
        if (schema.query != null) {
            addIntrospectionFields(schema.query);
        }
        return schema;
    }

    /** Registers the definitions and folds extensions into them; extending an undeclared type declares it. */
    private List<Ast.Definition> collectTypes(Ast.SchemaDocument document) {
        for (Ast.Definition definition : document.definitions) {
            if (schema.types.containsKey(definition.name)) {
                throw GraphqlError.at(definition.pos, "Cannot redeclare type " + definition.name + ".");
            }
            schema.types.put(definition.name, definition);
        }
        List<Ast.Definition> definitions = new ArrayList<>(document.definitions);
        for (Ast.Definition extension : document.extensions) {
            Ast.Definition definition = schema.types.get(extension.name);
            if (definition == null) {
                definition = new Ast.Definition();
                definition.kind = extension.kind;
                definition.name = extension.name;
                definition.pos = extension.pos;
                schema.types.put(extension.name, definition);
                definitions.add(definition);
            }
            if (!definition.kind.equals(extension.kind)) {
                throw GraphqlError.at(extension.pos, "Cannot extend type " + extension.name + " because the base type is a "
                        + definition.kind + ", not " + extension.kind + ".");
            }
            definition.directives = append(definition.directives, extension.directives);
            definition.interfaces = append(definition.interfaces, extension.interfaces);
            definition.fields = append(definition.fields, extension.fields);
            definition.types = append(definition.types, extension.types);
            definition.enumValues = append(definition.enumValues, extension.enumValues);
        }
        return definitions;
    }

    private static <T> List<T> append(List<T> base, List<T> extra) {
        List<T> result = new ArrayList<>(Ast.orEmpty(base));
        result.addAll(Ast.orEmpty(extra));
        return result;
    }

    private void recordPossibleTypes(List<Ast.Definition> definitions) {
        for (Ast.Definition definition : definitions) {
            switch (definition.kind) {
                case "UNION" -> Ast.orEmpty(definition.types)
                        .forEach(member -> schema.addPossibleType(definition.name, schema.types.get(member)));
                case "INPUT_OBJECT", "OBJECT" -> {
                    Ast.orEmpty(definition.interfaces).forEach(name -> schema.addPossibleType(name, definition));
                    schema.addPossibleType(definition.name, definition);
                }
                case "INTERFACE" -> Ast.orEmpty(definition.interfaces)
                        .forEach(name -> schema.addPossibleType(name, definition));
                default -> {
                }
            }
        }
    }

    private void assignRoots(Ast.SchemaDefinition definition) {
        for (Ast.OperationTypeDefinition entry : Ast.orEmpty(definition.operationTypes)) {
            Ast.Definition type = schema.types.get(entry.type);
            if (type == null) {
                throw GraphqlError.at(entry.pos, "Schema root " + entry.operation + " refers to a type " + entry.type
                        + " that does not exist.");
            }
            switch (entry.operation) {
                case "query" -> schema.query = type;
                case "mutation" -> schema.mutation = type;
                default -> schema.subscription = type;
            }
        }
    }

    private void inferRoots() {
        if (schema.query == null) {
            schema.query = schema.types.get("Query");
        }
        if (schema.mutation == null) {
            schema.mutation = schema.types.get("Mutation");
        }
        if (schema.subscription == null) {
            schema.subscription = schema.types.get("Subscription");
        }
    }

    private static void addIntrospectionFields(Ast.Definition query) {
        Ast.FieldDefinition schemaField = new Ast.FieldDefinition();
        schemaField.name = "__schema";
        schemaField.type = namedType("__Schema", true);
        Ast.FieldDefinition typeField = new Ast.FieldDefinition();
        typeField.name = "__type";
        typeField.type = namedType("__Type", false);
        Ast.ArgumentDefinition nameArgument = new Ast.ArgumentDefinition();
        nameArgument.name = "name";
        nameArgument.type = namedType("String", true);
        typeField.arguments = List.of(nameArgument);
        query.fields = append(query.fields, List.of(schemaField, typeField));
    }

    static Ast.TypeRef namedType(String name, boolean nonNull) {
        Ast.TypeRef type = new Ast.TypeRef();
        type.namedType = name;
        type.nonNull = nonNull;
        return type;
    }
}
