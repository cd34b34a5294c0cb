package dev.lambdashield.rego.builtins;

import static dev.lambdashield.rego.builtins.BuiltinCalls.call;
import static dev.lambdashield.rego.builtins.BuiltinCalls.s;
import static dev.lambdashield.rego.builtins.BuiltinCalls.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.Value;

import org.junit.jupiter.api.Test;

class GraphqlBuiltinsTest {

    private static final String SCHEMA = """
            type Query {
              employee(id: ID!): Employee
              employees(first: Int = 10): [Employee!]!
            }
            type Employee {
              id: ID!
              name: String
              manager: Employee
            }
            """;

    @Test
    void parseQueryBuildsPrunedTree() {
        Value tree = call("graphql.parse_query", s("query Q($id: ID!) { employee(id: $id) { name } }"));
        assertEquals(v("""
                {"Operations": [{"Name": "Q", "Operation": "query",
                  "SelectionSet": [{"Alias": "employee", "Name": "employee",
                    "Arguments": [{"Name": "id", "Value": {"Kind": 0, "Raw": "id"}}],
                    "SelectionSet": [{"Alias": "name", "Name": "name"}]}],
                  "VariableDefinitions": [{"Type": {"NamedType": "ID", "NonNull": true}, "Used": false, "Variable": "id"}]}]}
                """), tree);
    }

    @Test
    void parseQuerySyntaxErrorNamesLocation() {
        assertFailure("Expected Name, found } in GraphQL string at location 2:12",
                "graphql.parse_query", s("{ employee {\n  manager: } }"));
    }

    @Test
    void parseQueryEmptySelectionSetIsRejected() {
        assertFailure("expected at least one definition, found } in GraphQL string at location 2:13",
                "graphql.parse_query", s("{ employee {\n  manager { } } }"));
    }

    @Test
    void parseQueryUnterminatedStringIsInvalidToken() {
        assertFailure("Unexpected <Invalid> in GraphQL string at location 1:15",
                "graphql.parse_query", s("{ f(a: \"abc) }"));
    }

    @Test
    void parseSchemaConsumedInvalidTokenKeepsLexerMessage() {
        assertFailure("Unexpected single quote character ('), did you mean to use a double quote (\")?"
                + " in GraphQL string at location 1:10", "graphql.parse_schema", s("schema { 'x: Query }"));
    }

    @Test
    void parseSchemaBlockDescriptionIsDedented() {
        Value tree = call("graphql.parse_schema", s("\"\"\"\n    Staff record.\n      Indented line.\n\"\"\"\nscalar Staff"));
        assertEquals(v("""
                {"Definitions": [{"BuiltIn": false, "Description": "Staff record.\\n  Indented line.",
                  "Kind": "SCALAR", "Name": "Staff"}]}
                """), tree);
    }

    @Test
    void parseReturnsQueryAndSchemaTrees() {
        ArrayValue trees = (ArrayValue) call("graphql.parse", s("{ employees { id manager { name } } }"), s(SCHEMA));
        assertEquals(call("graphql.parse_query", s("{ employees { id manager { name } } }")), trees.get(0));
        assertEquals(call("graphql.parse_schema", s(SCHEMA)), trees.get(1));
    }

    @Test
    void parseReportsUnknownField() {
        assertFailure("Cannot query field \"salary\" on type \"Employee\" in GraphQL query string at location 1:21",
                "graphql.parse", s("{ employee(id: 1) { salary } }"), s(SCHEMA));
    }

    @Test
    void parseReportsMissingRequiredArgument() {
        assertFailure("Field \"employee\" argument \"id\" of type \"ID!\" is required, but it was not provided"
                + " in GraphQL query string at location 1:3", "graphql.parse", s("{ employee { id } }"), s(SCHEMA));
    }

    @Test
    void parseReportsInvalidSchema() {
        assertFailure("Error in gqlparser SchemaDocument to Schema conversion: input:1:6: Undefined type \"Greeting\".",
                "graphql.parse", s("{ hello }"), s("type Hello implements Greeting { a: String }"));
    }

    @Test
    void parseRejectsNonDocumentOperand() {
        BuiltinException error = assertThrows(BuiltinException.class,
                () -> call("graphql.parse", NumberValue.of(1), s(SCHEMA)));
        assertEquals(ErrorCode.EVAL_TYPE, error.code());
    }

    @Test
    void parseAndVerifyReturnsFalseTripleWhenInvalid() {
        assertEquals(v("[false, {}, {}]"), call("graphql.parse_and_verify", s("{ nope }"), s(SCHEMA)));
        ArrayValue verified = (ArrayValue) call("graphql.parse_and_verify", s("{ employees { id } }"), s(SCHEMA));
        assertEquals(BooleanValue.TRUE, verified.get(0));
    }

    @Test
    void isValidChecksVariables() {
        assertEquals(BooleanValue.TRUE, call("graphql.is_valid",
                s("query ($id: ID!) { employee(id: $id) { id } }"), s(SCHEMA)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("query ($id: ID!, $extra: Int) { employee(id: $id) { id } }"), s(SCHEMA)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid", s("{ employee(id: $id) { id } }"), s(SCHEMA)));
    }

    @Test
    void isValidChecksFragmentsAndLeafSelections() {
        assertEquals(BooleanValue.TRUE, call("graphql.is_valid",
                s("{ employees { ...Names } } fragment Names on Employee { name }"), s(SCHEMA)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("{ employees { ...Missing } }"), s(SCHEMA)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("{ employees { id } } fragment Unused on Employee { name }"), s(SCHEMA)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid", s("{ employees }"), s(SCHEMA)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid", s("{ employees { id { x } } }"), s(SCHEMA)));
    }

    @Test
    void parseReportsFragmentCycle() {
        assertFailure("Cannot spread fragment \"Chain\" within itself in GraphQL query string at location 2:43",
                "graphql.parse", s("{ employees { ...Chain } }\nfragment Chain on Employee { manager { ...Chain } }"),
                s(SCHEMA));
    }

    @Test
    void parseQueryRejectsExcessiveNesting() {
        String deep = "{ f(a: " + "[".repeat(600) + "1" + "]".repeat(600) + ") }";
        assertFailure("Document nests deeper than the maximum of 512 levels of selection sets, lists and objects in GraphQL string at location 1:519",
                "graphql.parse_query", s(deep));
    }

    @Test
    void parseReportsWrongLiteralType() {
        // OPA strips only a final ".\n" from the validator's text, so a message without a period keeps its newline.
        assertFailure("Int cannot represent non-integer value: \"ten\"\n in GraphQL query string at location 1:21",
                "graphql.parse", s("{ employees(first: \"ten\") { id } }"), s(SCHEMA));
    }

    @Test
    void isValidChecksLiteralValues() {
        String schema = SCHEMA + "enum Level { JUNIOR SENIOR }\n"
                + "input Filter { level: Level!, names: [String!] }\n"
                + "extend type Query { search(filter: Filter!): [Employee!]! }";
        assertEquals(BooleanValue.TRUE, call("graphql.is_valid",
                s("{ search(filter: {level: SENIOR, names: \"Ann\"}) { id } }"), s(schema)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("{ search(filter: {level: LEAD}) { id } }"), s(schema)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("{ search(filter: {names: [\"Ann\"]}) { id } }"), s(schema)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("{ search(filter: {level: JUNIOR, team: \"x\"}) { id } }"), s(schema)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("{ search(filter: {level: JUNIOR, names: [null]}) { id } }"), s(schema)));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid", s("{ employee(id: true) { id } }"), s(SCHEMA)));
        assertEquals(BooleanValue.TRUE, call("graphql.is_valid", s("{ employee(id: 7) { id } }"), s(SCHEMA)));
    }

    @Test
    void parseReportsVariableInWrongPosition() {
        assertFailure("Variable \"$n\" of type \"String\" used in position expecting type \"Int\""
                + " in GraphQL query string at location 1:39",
                "graphql.parse", s("query ($n: String) { employees(first: $n) { id } }"), s(SCHEMA));
    }

    @Test
    void isValidChecksVariableNullability() {
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid",
                s("query ($id: ID) { employee(id: $id) { id } }"), s(SCHEMA)));
        assertEquals(BooleanValue.TRUE, call("graphql.is_valid",
                s("query ($id: ID = \"e-1\") { employee(id: $id) { id } }"), s(SCHEMA)));
        assertEquals(BooleanValue.TRUE, call("graphql.is_valid",
                s("query ($n: Int!) { employees(first: $n) { id } }"), s(SCHEMA)));
    }

    @Test
    void isValidAcceptsTreesFromParse() {
        Value query = call("graphql.parse_query", s("{ employees(first: 5) { name } }"));
        Value schema = call("graphql.parse_schema", s(SCHEMA));
        assertEquals(BooleanValue.TRUE, call("graphql.is_valid", query, schema));
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid", NumberValue.of(1), schema));
    }

    @Test
    void isValidRejectsUnsupportedOperationType() {
        assertEquals(BooleanValue.FALSE, call("graphql.is_valid", s("mutation { employees { id } }"), s(SCHEMA)));
    }

    @Test
    void schemaIsValidAppliesSchemaRules() {
        assertEquals(BooleanValue.TRUE, call("graphql.schema_is_valid", s(SCHEMA)));
        assertEquals(BooleanValue.TRUE, call("graphql.schema_is_valid", s("extend type Query { a: Int }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("type A implements Missing { a: Int }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("scalar A\nextend type A { a: Int }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("type A { a: Missing }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("type A { a: Int a: Int }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("type __A { a: Int }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("schema { query: Missing }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("type A { a: Int @unknown }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s("type A {")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", v("[1]")));
    }

    @Test
    void schemaIsValidChecksInterfaceFieldTypes() {
        String base = "interface Node { id: ID! }\n";
        assertEquals(BooleanValue.TRUE, call("graphql.schema_is_valid", s(base + "type A implements Node { id: ID! }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s(base + "type A implements Node { id: ID }")));
        assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", s(base + "type A implements Node { name: ID }")));
    }

    private static void assertFailure(String message, String name, Value... args) {
        BuiltinException error = assertThrows(BuiltinException.class, () -> call(name, args));
        assertEquals(ErrorCode.EVAL_BUILTIN, error.code());
        assertEquals(message, error.getMessage());
    }
}
