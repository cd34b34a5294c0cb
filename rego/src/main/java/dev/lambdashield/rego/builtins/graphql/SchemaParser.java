package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses a GraphQL type system document (SDL) as gqlparser does. */
final class SchemaParser extends ParserBase {

    private static final Set<String> DIRECTIVE_LOCATIONS = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD",
            "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR",
            "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE",
            "INPUT_OBJECT", "INPUT_FIELD_DEFINITION");

    private SchemaParser(String source) {
        super(source);
    }

    /** Parses {@code source}; throws {@link GraphqlError} at the first syntax error. */
    static Ast.SchemaDocument parse(String source) {
        return new SchemaParser(source).parseDocument();
    }

    private Ast.SchemaDocument parseDocument() {
        Ast.SchemaDocument document = new Ast.SchemaDocument();
        while (peek().kind() != Token.Kind.EOF) {
            String description = "";
            if (peek().kind() == Token.Kind.BLOCK_STRING || peek().kind() == Token.Kind.STRING) {
                description = next().value();
            }
            if (peek().kind() != Token.Kind.NAME) {
                throw unexpected(peek());
            }
            switch (peek().value()) {
                case "scalar", "type", "interface", "union", "enum", "input" ->
                        document.definitions.add(parseTypeDefinition(description));
                case "schema" -> document.schema.add(parseSchemaDefinition(description));
                case "directive" -> document.directives.add(parseDirectiveDefinition(description));
                case "extend" -> {
                    if (!description.isEmpty()) {
                        throw unexpected(prev);
                    }
                    parseExtension(document);
                }
                default -> throw unexpected(peek());
            }
        }
        return document;
    }

    private Ast.Definition parseTypeDefinition(String description) {
        String keyword = peek().value();
        expectKeyword(keyword);
        Ast.Definition definition = new Ast.Definition();
        definition.pos = peek().pos();
        definition.kind = kindOf(keyword);
        definition.description = description;
        definition.name = parseName();
        switch (keyword) {
            case "type", "interface" -> {
                definition.interfaces = parseImplementsInterfaces();
                definition.directives = parseDirectives(true);
                definition.fields = parseFieldsDefinition();
            }
            case "union" -> {
                definition.directives = parseDirectives(true);
                definition.types = parseUnionMemberTypes();
            }
            case "enum" -> {
                definition.directives = parseDirectives(true);
                definition.enumValues = parseEnumValues();
            }
            case "input" -> {
                definition.directives = parseDirectives(true);
                definition.fields = parseInputFields();
            }
            default -> definition.directives = parseDirectives(true);
        }
        return definition;
    }

    private static String kindOf(String keyword) {
        return switch (keyword) {
            case "scalar" -> "SCALAR";
            case "type" -> "OBJECT";
            case "interface" -> "INTERFACE";
            case "union" -> "UNION";
            case "enum" -> "ENUM";
            default -> "INPUT_OBJECT";
        };
    }

    private Ast.SchemaDefinition parseSchemaDefinition(String description) {
        expectKeyword("schema");
        Ast.SchemaDefinition definition = new Ast.SchemaDefinition();
        definition.pos = peek().pos();
        definition.description = description;
        definition.directives = parseDirectives(true);
        definition.operationTypes = parseOperationTypes();
        return definition;
    }

    private List<Ast.OperationTypeDefinition> parseOperationTypes() {
        List<Ast.OperationTypeDefinition> operationTypes = new ArrayList<>();
        some(Token.Kind.BRACE_L, Token.Kind.BRACE_R, () -> {
            Ast.OperationTypeDefinition operationType = new Ast.OperationTypeDefinition();
            operationType.pos = peek().pos();
            operationType.operation = parseOperationType();
            expect(Token.Kind.COLON);
            operationType.type = parseName();
            operationTypes.add(operationType);
        });
        return operationTypes;
    }

    private List<String> parseImplementsInterfaces() {
        List<String> types = new ArrayList<>();
        if (peek().value().equals("implements")) {
            next();
            skip(Token.Kind.AMP);
            types.add(parseName());
            while (skip(Token.Kind.AMP)) {
                types.add(parseName());
            }
        }
        return types;
    }

    private List<Ast.FieldDefinition> parseFieldsDefinition() {
        List<Ast.FieldDefinition> fields = new ArrayList<>();
        some(Token.Kind.BRACE_L, Token.Kind.BRACE_R, () -> {
            Ast.FieldDefinition field = new Ast.FieldDefinition();
            field.pos = peek().pos();
            field.description = parseDescription();
            field.name = parseName();
            field.arguments = parseArgumentDefinitions();
            expect(Token.Kind.COLON);
            field.type = parseTypeReference();
            field.directives = parseDirectives(true);
            fields.add(field);
        });
        return fields;
    }

    private List<Ast.FieldDefinition> parseInputFields() {
        List<Ast.FieldDefinition> fields = new ArrayList<>();
        some(Token.Kind.BRACE_L, Token.Kind.BRACE_R, () -> {
            Ast.FieldDefinition field = new Ast.FieldDefinition();
            field.pos = peek().pos();
            field.description = parseDescription();
            field.name = parseName();
            expect(Token.Kind.COLON);
            field.type = parseTypeReference();
            if (skip(Token.Kind.EQUALS)) {
                field.defaultValue = parseValueLiteral(true);
            }
            field.directives = parseDirectives(true);
            fields.add(field);
        });
        return fields;
    }

    private List<Ast.ArgumentDefinition> parseArgumentDefinitions() {
        List<Ast.ArgumentDefinition> arguments = new ArrayList<>();
        some(Token.Kind.PAREN_L, Token.Kind.PAREN_R, () -> {
            Ast.ArgumentDefinition argument = new Ast.ArgumentDefinition();
            argument.pos = peek().pos();
            argument.description = parseDescription();
            argument.name = parseName();
            expect(Token.Kind.COLON);
            argument.type = parseTypeReference();
            if (skip(Token.Kind.EQUALS)) {
                argument.defaultValue = parseValueLiteral(true);
            }
            argument.directives = parseDirectives(true);
            arguments.add(argument);
        });
        return arguments;
    }

    private List<String> parseUnionMemberTypes() {
        List<String> types = new ArrayList<>();
        if (skip(Token.Kind.EQUALS)) {
            skip(Token.Kind.PIPE);
            types.add(parseName());
            while (skip(Token.Kind.PIPE)) {
                types.add(parseName());
            }
        }
        return types;
    }

    private List<Ast.EnumValueDefinition> parseEnumValues() {
        List<Ast.EnumValueDefinition> values = new ArrayList<>();
        some(Token.Kind.BRACE_L, Token.Kind.BRACE_R, () -> {
            Ast.EnumValueDefinition value = new Ast.EnumValueDefinition();
            value.pos = peek().pos();
            value.description = parseDescription();
            value.name = parseName();
            value.directives = parseDirectives(true);
            values.add(value);
        });
        return values;
    }

    private String parseDescription() {
        Token.Kind kind = peek().kind();
        return kind == Token.Kind.BLOCK_STRING || kind == Token.Kind.STRING ? next().value() : "";
    }

    /** Parses {@code extend ...}; an extension must add something, or the token after it is unexpected. */
    private void parseExtension(Ast.SchemaDocument document) {
        expectKeyword("extend");
        String keyword = peek().value();
        switch (keyword) {
            case "schema" -> document.schemaExtension.add(parseSchemaExtension());
            case "scalar", "type", "interface", "union", "enum", "input" ->
                    document.extensions.add(parseTypeExtension(keyword));
            default -> throw unexpected(peek());
        }
    }

    private Ast.SchemaDefinition parseSchemaExtension() {
        expectKeyword("schema");
        Ast.SchemaDefinition definition = new Ast.SchemaDefinition();
        definition.pos = peek().pos();
        definition.directives = parseDirectives(true);
        definition.operationTypes = parseOperationTypes();
        if (definition.directives.isEmpty() && definition.operationTypes.isEmpty()) {
            throw unexpected(peek());
        }
        return definition;
    }

    private Ast.Definition parseTypeExtension(String keyword) {
        expectKeyword(keyword);
        Ast.Definition definition = new Ast.Definition();
        definition.pos = peek().pos();
        definition.kind = kindOf(keyword);
        definition.name = parseName();
        boolean empty;
        switch (keyword) {
            case "type" -> {
                definition.interfaces = parseImplementsInterfaces();
                definition.directives = parseDirectives(true);
                definition.fields = parseFieldsDefinition();
                empty = definition.interfaces.isEmpty() && definition.directives.isEmpty() && definition.fields.isEmpty();
            }
            case "interface" -> {
                definition.directives = parseDirectives(true);
                definition.fields = parseFieldsDefinition();
                empty = definition.directives.isEmpty() && definition.fields.isEmpty();
            }
            case "union" -> {
                definition.directives = parseDirectives(true);
                definition.types = parseUnionMemberTypes();
                empty = definition.directives.isEmpty() && definition.types.isEmpty();
            }
            case "enum" -> {
                definition.directives = parseDirectives(true);
                definition.enumValues = parseEnumValues();
                empty = definition.directives.isEmpty() && definition.enumValues.isEmpty();
            }
            case "input" -> {
                definition.directives = parseDirectives(false);
                definition.fields = parseInputFields();
                empty = definition.directives.isEmpty() && definition.fields.isEmpty();
            }
            default -> {
                definition.directives = parseDirectives(true);
                empty = definition.directives.isEmpty();
            }
        }
        if (empty) {
            throw unexpected(peek());
        }
        return definition;
    }

    private Ast.DirectiveDefinition parseDirectiveDefinition(String description) {
        expectKeyword("directive");
        expect(Token.Kind.AT);
        Ast.DirectiveDefinition definition = new Ast.DirectiveDefinition();
        definition.pos = peek().pos();
        definition.description = description;
        definition.name = parseName();
        definition.arguments = parseArgumentDefinitions();
        if (peek().kind() == Token.Kind.NAME && peek().value().equals("repeatable")) {
            definition.isRepeatable = true;
            next();
        }
        expectKeyword("on");
        definition.locations = new ArrayList<>();
        skip(Token.Kind.PIPE);
        definition.locations.add(parseDirectiveLocation());
        while (skip(Token.Kind.PIPE)) {
            definition.locations.add(parseDirectiveLocation());
        }
        return definition;
    }

    private String parseDirectiveLocation() {
        Token name = expect(Token.Kind.NAME);
        if (!DIRECTIVE_LOCATIONS.contains(name.value())) {
            throw unexpected(name);
        }
        return name.value();
    }
}
