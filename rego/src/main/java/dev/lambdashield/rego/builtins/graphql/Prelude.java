package dev.lambdashield.rego.builtins.graphql;

/**
 * The types and directives every GraphQL schema has implicitly: the built-in scalars, the standard
 * directives and the introspection types, as the GraphQL specification (October 2021) defines them.
 */
final class Prelude {

    static final String SDL = """
            scalar Int
            scalar Float
            scalar String
            scalar Boolean
            scalar ID

            directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
            directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
            directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION \
            | INPUT_FIELD_DEFINITION | ENUM_VALUE
            directive @specifiedBy(url: String!) on SCALAR

            type __Schema {
              description: String
              types: [__Type!]!
              queryType: __Type!
              mutationType: __Type
              subscriptionType: __Type
              directives: [__Directive!]!
            }

            type __Type {
              kind: __TypeKind!
              name: String
              description: String
              fields(includeDeprecated: Boolean = false): [__Field!]
              interfaces: [__Type!]
              possibleTypes: [__Type!]
              enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
              inputFields: [__InputValue!]
              ofType: __Type
              specifiedByURL: String
            }

            type __Field {
              name: String!
              description: String
              args: [__InputValue!]!
              type: __Type!
              isDeprecated: Boolean!
              deprecationReason: String
            }

            type __InputValue {
              name: String!
              description: String
              type: __Type!
              defaultValue: String
            }

            type __EnumValue {
              name: String!
              description: String
              isDeprecated: Boolean!
              deprecationReason: String
            }

            enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }

            type __Directive {
              name: String!
              description: String
              locations: [__DirectiveLocation!]!
              args: [__InputValue!]!
              isRepeatable: Boolean!
            }

            enum __DirectiveLocation {
              QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT
              VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION ENUM
              ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION
            }
            """;

    private Prelude() {
    }

    /** Parses a fresh copy, because loading a schema adds extension members to the definitions. */
    static Ast.SchemaDocument document() {
        Ast.SchemaDocument document = SchemaParser.parse(SDL);
        document.definitions.forEach(definition -> definition.builtIn = true);
        return document;
    }
}
