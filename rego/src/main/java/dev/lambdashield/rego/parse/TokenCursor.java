package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;

import java.util.List;

/** Token primitives shared by the parser classes: look-ahead, matching, and error reporting. */
abstract class TokenCursor {

    /** The sentinel that unwinds the parser to the next rule boundary after a syntax error. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError() {
            super(null, null, false, false);
        }
    }

    /** Nesting deeper than this is reported as an error instead of exhausting the stack. */
    static final int MAX_DEPTH = 500;

    protected final List<Token> tokens;
    protected final List<RegoError> errors;
    protected int current;
    protected int depth;

    TokenCursor(List<Token> tokens, List<RegoError> errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    protected Token peek() {
        return tokens.get(current);
    }

    protected Token peekAt(int ahead) {
        return tokens.get(Math.min(current + ahead, tokens.size() - 1));
    }

    protected Token advance() {
        Token token = tokens.get(current);
        if (!token.is(TokenKind.EOF)) {
            current++;
        }
        return token;
    }

    protected boolean check(TokenKind kind) {
        return peek().is(kind);
    }

    /** Returns true when the next token is {@code kind} on the same line as the previous one. */
    protected boolean checkSameLine(TokenKind kind) {
        return peek().is(kind) && !peek().newlineBefore();
    }

    protected boolean match(TokenKind kind) {
        if (check(kind)) {
            advance();
            return true;
        }
        return false;
    }

    protected Token expect(TokenKind kind, String context) {
        if (check(kind)) {
            return advance();
        }
        throw error(peek(), "unexpected " + peek().describe() + ": expected " + kind.text()
                + (context.isEmpty() ? "" : " " + context));
    }

    protected boolean atEnd() {
        return check(TokenKind.EOF);
    }

    protected SyntaxError error(Token at, String message) {
        return error(at.location(), message);
    }

    protected SyntaxError error(Location at, String message) {
        errors.add(new RegoError(ErrorCode.PARSE, message, at));
        return new SyntaxError();
    }

    protected void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "nesting is deeper than " + MAX_DEPTH + " levels");
        }
    }

    protected void leave() {
        depth--;
    }
}
