package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Location;

/**
 * A token with its text (decoded for strings) and location. {@code newlineBefore} records whether
 * a line break separates it from the previous token, because Rego ends expressions at line breaks;
 * {@code end} is the offset just past its source text.
 */
record Token(TokenKind kind, String text, Location location, boolean newlineBefore, int end) {

    boolean is(TokenKind k) {
        return kind == k;
    }

    boolean isIdent(String word) {
        return kind == TokenKind.IDENT && text.equals(word);
    }

    String describe() {
        return switch (kind) {
            case IDENT -> "ident " + text;
            case EOF -> "eof token";
            case STRING, RAW_STRING -> "string";
            case NUMBER -> "number";
            default -> kind.text();
        };
    }
}
