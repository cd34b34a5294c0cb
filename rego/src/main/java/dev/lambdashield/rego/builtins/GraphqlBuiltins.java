package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.builtins.graphql.GraphqlError;
import dev.lambdashield.rego.builtins.graphql.GraphqlOperations;
import dev.lambdashield.rego.types.Type;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;
import java.util.function.Supplier;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.ANY_OBJECT;
import static dev.lambdashield.rego.types.Types.BOOLEAN;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.anyOf;
import static dev.lambdashield.rego.types.Types.arrayOf;
import static dev.lambdashield.rego.types.Types.objectOf;

/**
 * GraphQL built-ins: parsing queries and schemas into syntax tree objects shaped as OPA returns them,
 * and validating queries against schemas with the rules of the gqlparser library that OPA uses.
 */
public final class GraphqlBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "graphql";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("graphql.parse", CATEGORY,
                "Parses a GraphQL query and schema, validates the query and returns both syntax trees.",
                arrayOf(objectOf(ANY, ANY)), arg("query", document()), arg("schema", document())),
                GraphqlBuiltins::parse);
        registry.register(function("graphql.parse_and_verify", CATEGORY,
                "Like graphql.parse, but returns [false, {}, {}] instead of failing, and [true, query, schema] otherwise.",
                arrayOf(ANY), arg("query", document()), arg("schema", document())),
                GraphqlBuiltins::parseAndVerify);
        registry.register(function("graphql.parse_query", CATEGORY, "Parses a GraphQL query into its syntax tree.",
                objectOf(ANY, ANY), arg("query", STRING)),
                (context, args) -> guarded(() -> GraphqlOperations.parseQuery(Args.string(args, 0))));
        registry.register(function("graphql.parse_schema", CATEGORY, "Parses a GraphQL schema into its syntax tree.",
                objectOf(ANY, ANY), arg("schema", STRING)),
                (context, args) -> guarded(() -> GraphqlOperations.parseSchema(Args.string(args, 0))));
        registry.register(function("graphql.is_valid", CATEGORY,
                "Checks that a GraphQL query is valid against a schema; false for values of other types.",
                BOOLEAN, arg("query", document()), arg("schema", document())),
                GraphqlBuiltins::isValid);
        registry.register(function("graphql.schema_is_valid", CATEGORY,
                "Checks that a GraphQL schema is valid; false for values of other types.",
                BOOLEAN, arg("schema", document())),
                (context, args) -> BooleanValue.of(isDocument(args.get(0))
                        && GraphqlOperations.schemaIsValid(args.get(0))));
    }

    /** Returns the type of a GraphQL document argument, which is source text or a syntax tree object. */
    private static Type document() {
        return anyOf(STRING, ANY_OBJECT);
    }

    private static Value parse(BuiltinContext context, List<Value> args) {
        for (int i = 0; i < 2; i++) {
            if (!isDocument(args.get(i))) {
                throw Args.wrongType(args, i, "string", "object");
            }
        }
        return guarded(() -> GraphqlOperations.parseAndValidate(args.get(0), args.get(1)));
    }

    private static Value parseAndVerify(BuiltinContext context, List<Value> args) {
        ArrayValue unverified = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
        if (!isDocument(args.get(0)) || !isDocument(args.get(1))) {
            return unverified;
        }
        try {
            ArrayValue trees = GraphqlOperations.parseAndValidate(args.get(0), args.get(1));
            return ArrayValue.of(BooleanValue.TRUE, trees.get(0), trees.get(1));
        } catch (GraphqlError e) {
            return unverified;
        }
    }

    private static Value isValid(BuiltinContext context, List<Value> args) {
        boolean valid = isDocument(args.get(0)) && isDocument(args.get(1))
                && GraphqlOperations.isValid(args.get(0), args.get(1));
        return BooleanValue.of(valid);
    }

    private static boolean isDocument(Value value) {
        return value instanceof StringValue || value instanceof ObjectValue;
    }

    private static Value guarded(Supplier<Value> work) {
        try {
            return work.get();
        } catch (GraphqlError e) {
            throw BuiltinException.failure(e.getMessage());
        }
    }
}
