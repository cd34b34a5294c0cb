package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.List;

/** Parses an executable GraphQL document (operations and fragments) as gqlparser does. */
final class QueryParser extends ParserBase {

    private QueryParser(String source) {
        super(source);
    }

    /** Parses {@code source}; throws {@link GraphqlError} at the first syntax error. */
    static Ast.QueryDocument parse(String source) {
        return new QueryParser(source).parseDocument();
    }

    private Ast.QueryDocument parseDocument() {
        Ast.QueryDocument document = new Ast.QueryDocument();
        while (peek().kind() != Token.Kind.EOF) {
            Token token = peek();
            if (token.kind() == Token.Kind.BRACE_L) {
                document.operations.add(parseOperationDefinition());
            } else if (token.kind() == Token.Kind.NAME) {
                switch (token.value()) {
                    case "query", "mutation", "subscription" -> document.operations.add(parseOperationDefinition());
                    case "fragment" -> document.fragments.add(parseFragmentDefinition());
                    default -> throw unexpected(token);
                }
            } else {
                throw unexpected(token);
            }
        }
        return document;
    }

    private Ast.OperationDefinition parseOperationDefinition() {
        Ast.OperationDefinition operation = new Ast.OperationDefinition();
        operation.pos = peek().pos();
        if (peek().kind() == Token.Kind.BRACE_L) {
            operation.operation = "query";
            operation.selectionSet = parseRequiredSelectionSet();
            return operation;
        }
        operation.operation = parseOperationType();
        if (peek().kind() == Token.Kind.NAME) {
            operation.name = next().value();
        }
        operation.variableDefinitions = parseVariableDefinitions();
        operation.directives = parseDirectives(false);
        operation.selectionSet = parseRequiredSelectionSet();
        return operation;
    }

    private List<Ast.VariableDefinition> parseVariableDefinitions() {
        List<Ast.VariableDefinition> definitions = new ArrayList<>();
        many(Token.Kind.PAREN_L, Token.Kind.PAREN_R, () -> {
            Ast.VariableDefinition definition = new Ast.VariableDefinition();
            definition.pos = peek().pos();
            definition.variable = parseVariable();
            expect(Token.Kind.COLON);
            definition.type = parseTypeReference();
            if (skip(Token.Kind.EQUALS)) {
                definition.defaultValue = parseValueLiteral(true);
            }
            definition.directives = parseDirectives(false);
            definitions.add(definition);
        });
        return definitions;
    }

    private List<Ast.Selection> parseRequiredSelectionSet() {
        if (peek().kind() != Token.Kind.BRACE_L) {
            throw GraphqlError.at(peek().pos(), "Expected {, found " + peek().kind());
        }
        return parseSelectionSet();
    }

    private List<Ast.Selection> parseSelectionSet() {
        descend();
        List<Ast.Selection> selections = new ArrayList<>();
        some(Token.Kind.BRACE_L, Token.Kind.BRACE_R, () -> selections.add(parseSelection()));
        ascend();
        return selections;
    }

    private Ast.Selection parseSelection() {
        return peek().kind() == Token.Kind.SPREAD ? parseFragment() : parseField();
    }

    private Ast.Field parseField() {
        Ast.Field field = new Ast.Field();
        field.pos = peek().pos();
        field.alias = parseName();
        field.name = skip(Token.Kind.COLON) ? parseName() : field.alias;
        field.arguments = parseArguments(false);
        field.directives = parseDirectives(false);
        if (peek().kind() == Token.Kind.BRACE_L) {
            field.selectionSet = parseSelectionSet();
        }
        return field;
    }

    private Ast.Selection parseFragment() {
        expect(Token.Kind.SPREAD);
        Token token = peek();
        if (token.kind() == Token.Kind.NAME && !token.value().equals("on")) {
            Ast.FragmentSpread spread = new Ast.FragmentSpread();
            spread.pos = token.pos();
            spread.name = parseFragmentName();
            spread.directives = parseDirectives(false);
            return spread;
        }
        Ast.InlineFragment fragment = new Ast.InlineFragment();
        fragment.pos = token.pos();
        // gqlparser compares the value whatever the token kind, so a string "on" also counts.
        if (token.value().equals("on")) {
            next();
            fragment.typeCondition = parseName();
        }
        fragment.directives = parseDirectives(false);
        fragment.selectionSet = parseRequiredSelectionSet();
        return fragment;
    }

    private Ast.FragmentDefinition parseFragmentDefinition() {
        Ast.FragmentDefinition fragment = new Ast.FragmentDefinition();
        fragment.pos = peek().pos();
        expectKeyword("fragment");
        fragment.name = parseFragmentName();
        fragment.variableDefinition = parseVariableDefinitions();
        expectKeyword("on");
        fragment.typeCondition = parseName();
        fragment.directives = parseDirectives(false);
        fragment.selectionSet = parseRequiredSelectionSet();
        return fragment;
    }

    private String parseFragmentName() {
        if (peek().value().equals("on")) {
            throw unexpected(peek());
        }
        return parseName();
    }
}
