package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * The productions that executable and schema documents share (values, types, directives,
 * arguments), above the token primitives. The first error ends the parse, because gqlparser too
 * reports only the first one.
 */
abstract class ParserBase {

    /**
     * Maximum nesting of selection sets, list and object values and list types. gqlparser has no such
     * limit, but without one a hostile document could exhaust the Java stack here and in the later
     * recursive passes.
     */
    static final int MAX_DEPTH = 512;

    private final Lexer lexer;
    private int depth;
    private Token peeked;
    protected Token prev;

    ParserBase(String source) {
        this.lexer = new Lexer(source);
    }

    final String parseOperationType() {
        Token token = next();
        return switch (token.value()) {
            case "query", "mutation", "subscription" -> token.value();
            default -> throw unexpected(token);
        };
    }

    final List<Ast.Directive> parseDirectives(boolean isConst) {
        List<Ast.Directive> directives = new ArrayList<>();
        while (peek().kind() == Token.Kind.AT) {
            expect(Token.Kind.AT);
            Ast.Directive directive = new Ast.Directive();
            directive.pos = peek().pos();
            directive.name = parseName();
            directive.arguments = parseArguments(isConst);
            directives.add(directive);
        }
        return directives;
    }

    final List<Ast.Argument> parseArguments(boolean isConst) {
        List<Ast.Argument> arguments = new ArrayList<>();
        many(Token.Kind.PAREN_L, Token.Kind.PAREN_R, () -> {
            Ast.Argument argument = new Ast.Argument();
            argument.pos = peek().pos();
            argument.name = parseName();
            expect(Token.Kind.COLON);
            argument.value = parseValueLiteral(isConst);
            arguments.add(argument);
        });
        return arguments;
    }

    final Ast.Value parseValueLiteral(boolean isConst) {
        Token token = peek();
        int kind;
        switch (token.kind()) {
            case BRACKET_L:
                return parseCompound(isConst, Token.Kind.BRACKET_L, Token.Kind.BRACKET_R, Ast.Value.LIST);
            case BRACE_L:
                return parseCompound(isConst, Token.Kind.BRACE_L, Token.Kind.BRACE_R, Ast.Value.OBJECT);
            case DOLLAR:
                if (isConst) {
                    throw unexpected(token);
                }
                return value(token.pos(), parseVariable(), Ast.Value.VARIABLE);
            case INT:
                kind = Ast.Value.INT;
                break;
            case FLOAT:
                kind = Ast.Value.FLOAT;
                break;
            case STRING:
                kind = Ast.Value.STRING;
                break;
            case BLOCK_STRING:
                kind = Ast.Value.BLOCK;
                break;
            case NAME:
                kind = switch (token.value()) {
                    case "true", "false" -> Ast.Value.BOOLEAN;
                    case "null" -> Ast.Value.NULL;
                    default -> Ast.Value.ENUM;
                };
                break;
            default:
                throw unexpected(token);
        }
        next();
        return value(token.pos(), token.value(), kind);
    }

    private Ast.Value parseCompound(boolean isConst, Token.Kind open, Token.Kind close, int kind) {
        descend();
        Ast.Value value = value(peek().pos(), "", kind);
        List<Ast.ChildValue> children = new ArrayList<>();
        many(open, close, () -> {
            Ast.ChildValue child = new Ast.ChildValue();
            if (kind == Ast.Value.OBJECT) {
                child.pos = peek().pos();
                child.name = parseName();
                expect(Token.Kind.COLON);
            }
            child.value = parseValueLiteral(isConst);
            children.add(child);
        });
        value.children = children;
        ascend();
        return value;
    }

    private static Ast.Value value(Ast.Pos pos, String raw, int kind) {
        Ast.Value value = new Ast.Value();
        value.pos = pos;
        value.raw = raw;
        value.kind = kind;
        return value;
    }

    final Ast.TypeRef parseTypeReference() {
        Ast.TypeRef type = new Ast.TypeRef();
        if (skip(Token.Kind.BRACKET_L)) {
            type.pos = peek().pos();
            descend();
            type.elem = parseTypeReference();
            ascend();
            expect(Token.Kind.BRACKET_R);
        } else {
            type.pos = peek().pos();
            type.namedType = parseName();
        }
        if (skip(Token.Kind.BANG)) {
            type.pos = peek().pos();
            type.nonNull = true;
        }
        return type;
    }

    final String parseVariable() {
        expect(Token.Kind.DOLLAR);
        return parseName();
    }

    final String parseName() {
        return expect(Token.Kind.NAME).value();
    }

    /** Enters one level of nesting, failing at the token that would exceed {@link #MAX_DEPTH}. */
    final void descend() {
        if (++depth > MAX_DEPTH) {
            throw GraphqlError.at(peek().pos(), "Document nests deeper than the maximum of " + MAX_DEPTH
                    + " levels of selection sets, lists and objects");
        }
    }

    final void ascend() {
        depth--;
    }

    // Token primitives.

    final Token peek() {
        if (peeked == null) {
            peeked = lexer.readToken();
        }
        return peeked;
    }

    /** Consumes the next token. Consuming an invalid token raises the lexer's own message. */
    final Token next() {
        Token token = peek();
        peeked = null;
        prev = token;
        if (token.lexError() != null) {
            throw GraphqlError.at(token.pos(), token.lexError());
        }
        return token;
    }

    final Token expect(Token.Kind kind) {
        Token token = peek();
        if (token.kind() == kind) {
            return next();
        }
        throw GraphqlError.at(token.pos(), "Expected " + kind + ", found " + token.kind());
    }

    final Token expectKeyword(String keyword) {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME && token.value().equals(keyword)) {
            return next();
        }
        throw GraphqlError.at(token.pos(), "Expected " + GoQuoting.quote(keyword) + ", found " + token.describe());
    }

    final boolean skip(Token.Kind kind) {
        if (peek().kind() != kind) {
            return false;
        }
        next();
        return true;
    }

    final GraphqlError unexpected(Token token) {
        return GraphqlError.at(token.pos(), "Unexpected " + token.describe());
    }

    final void many(Token.Kind open, Token.Kind close, Runnable item) {
        if (!skip(open)) {
            return;
        }
        while (peek().kind() != close) {
            item.run();
        }
        next();
    }

    /** Like {@link #many} but requires at least one item between the delimiters. */
    final void some(Token.Kind open, Token.Kind close, Runnable item) {
        if (!skip(open)) {
            return;
        }
        boolean called = false;
        while (peek().kind() != close) {
            called = true;
            item.run();
        }
        if (!called) {
            throw GraphqlError.at(peek().pos(), "expected at least one definition, found " + peek().kind());
        }
        next();
    }
}
