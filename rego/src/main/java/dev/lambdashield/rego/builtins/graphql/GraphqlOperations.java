package dev.lambdashield.rego.builtins.graphql;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;

/**
 * The work behind OPA's {@code graphql.*} built-ins, on Rego values: a query or schema is GraphQL
 * source text or a syntax tree object as {@link #parseQuery} and {@link #parseSchema} return. Failures
 * are thrown as {@link GraphqlError} with OPA's message text.
 */
public final class GraphqlOperations {

    private GraphqlOperations() {
    }

    /** Parses an executable document into its syntax tree object. */
    public static ObjectValue parseQuery(String source) {
        return AstEncoder.encode(parseQueryText(source));
    }

    /** Parses a schema document into its syntax tree object, without validating it. */
    public static ObjectValue parseSchema(String source) {
        return AstEncoder.encode(parseSchemaText(source));
    }

    /**
     * Parses the query and the schema, loads the schema and validates the query against it.
     *
     * @return the two syntax tree objects, query first
     */
    public static ArrayValue parseAndValidate(Value query, Value schema) {
        Ast.QueryDocument queryDocument = queryDocument(query);
        Ast.SchemaDocument schemaDocument = schemaDocument(schema);
        ObjectValue schemaTree = AstEncoder.encode(schemaDocument);
        GraphqlSchema loaded = loadSchema(schemaDocument);
        // The query tree is built before validation, as OPA builds it, so variables still read as unused.
        ObjectValue queryTree = AstEncoder.encode(queryDocument);
        validateQuery(loaded, queryDocument);
        return ArrayValue.of(queryTree, schemaTree);
    }

    /** Returns whether the query parses and is valid against the schema, which must load. */
    public static boolean isValid(Value query, Value schema) {
        try {
            Ast.QueryDocument queryDocument = queryDocument(query);
            GraphqlSchema loaded = loadSchema(schemaDocument(schema));
            return QueryValidator.validate(loaded, queryDocument).isEmpty();
        } catch (GraphqlError e) {
            return false;
        }
    }

    /** Returns whether the schema parses and passes the schema rules. */
    public static boolean schemaIsValid(Value schema) {
        try {
            loadSchema(schemaDocument(schema));
            return true;
        } catch (GraphqlError e) {
            return false;
        }
    }

    private static Ast.QueryDocument queryDocument(Value query) {
        if (query instanceof StringValue text) {
            return parseQueryText(text.value());
        }
        return AstDecoder.queryDocument((ObjectValue) query);
    }

    private static Ast.SchemaDocument schemaDocument(Value schema) {
        if (schema instanceof StringValue text) {
            return parseSchemaText(text.value());
        }
        return AstDecoder.schemaDocument((ObjectValue) schema);
    }

    private static Ast.QueryDocument parseQueryText(String source) {
        try {
            return QueryParser.parse(source);
        } catch (GraphqlError e) {
            throw located(e);
        }
    }

    private static Ast.SchemaDocument parseSchemaText(String source) {
        try {
            return SchemaParser.parse(source);
        } catch (GraphqlError e) {
            throw located(e);
        }
    }

    private static GraphqlSchema loadSchema(Ast.SchemaDocument document) {
        try {
            return SchemaLoader.load(document);
        } catch (GraphqlError e) {
            String where = e.line() == 0 ? "input: " : "input:" + e.line() + ":" + e.column() + ": ";
            throw new GraphqlError("Error in gqlparser SchemaDocument to Schema conversion: " + where + e.getMessage(),
                    e.line(), e.column());
        }
    }

    /**
     * Throws the validation errors as one: OPA keeps the text after the first error's location, so
     * further errors follow on their own lines with an {@code input:line:column:} prefix.
     */
    private static void validateQuery(GraphqlSchema schema, Ast.QueryDocument document) {
        List<GraphqlError> errors = QueryValidator.validate(schema, document);
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(errors.get(0).getMessage()).append('\n');
        for (GraphqlError error : errors.subList(1, errors.size())) {
            text.append("input:").append(error.line()).append(':').append(error.column()).append(": ")
                    .append(error.getMessage()).append('\n');
        }
        String message = text.toString();
        if (message.endsWith(".\n")) {
            message = message.substring(0, message.length() - 2);
        }
        GraphqlError first = errors.get(0);
        throw new GraphqlError(message + " in GraphQL query string at location " + first.line() + ":" + first.column(),
                first.line(), first.column());
    }

    private static GraphqlError located(GraphqlError error) {
        return new GraphqlError(error.getMessage() + " in GraphQL string at location " + error.line() + ":" + error.column(),
                error.line(), error.column());
    }
}
