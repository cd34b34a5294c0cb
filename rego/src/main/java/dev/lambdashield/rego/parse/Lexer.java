package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;

import java.util.ArrayList;
import java.util.List;

/** Splits Rego source into tokens and collects comments. Errors become ILLEGAL tokens plus a diagnostic. */
final class Lexer {

    private final String file;
    private final String source;
    private final List<RegoError> errors;
    private final List<Comment> comments = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String file, String source, List<RegoError> errors) {
        this.file = file;
        this.source = source;
        this.errors = errors;
    }

    List<Comment> comments() {
        return comments;
    }

    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            boolean newline = skipSpaceAndComments() || tokens.isEmpty();
            Token token = next(newline);
            tokens.add(token);
            if (token.is(TokenKind.EOF)) {
                return tokens;
            }
        }
    }

    private boolean skipSpaceAndComments() {
        boolean newline = false;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\n') {
                newline = true;
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                Location at = here();
                int start = pos + 1;
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
                comments.add(new Comment(source.substring(start, pos).replace("\r", ""), at));
            } else {
                break;
            }
        }
        return newline;
    }

    private Location here() {
        return new Location(file, line, pos - lineStart + 1, pos);
    }

    private Token next(boolean newline) {
        Location at = here();
        if (pos >= source.length()) {
            return token(TokenKind.EOF, "", at, true);
        }
        char c = source.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < source.length() && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
                pos++;
            }
            return token(TokenKind.IDENT, source.substring(start, pos), at, newline);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < source.length() && Character.isDigit(source.charAt(pos + 1)))) {
            return number(at, newline);
        }
        if (c == '"') {
            return string(at, newline);
        }
        if (c == '`') {
            return rawString(at, newline);
        }
        return punctuation(c, at, newline);
    }

    private Token punctuation(char c, Location at, boolean newline) {
        char n = pos + 1 < source.length() ? source.charAt(pos + 1) : '\0';
        TokenKind kind;
        int length = 1;
        switch (c) {
            case '{' -> kind = TokenKind.LBRACE;
            case '}' -> kind = TokenKind.RBRACE;
            case '[' -> kind = TokenKind.LBRACK;
            case ']' -> kind = TokenKind.RBRACK;
            case '(' -> kind = TokenKind.LPAREN;
            case ')' -> kind = TokenKind.RPAREN;
            case '.' -> kind = TokenKind.DOT;
            case ',' -> kind = TokenKind.COMMA;
            case ';' -> kind = TokenKind.SEMICOLON;
            case '+' -> kind = TokenKind.PLUS;
            case '-' -> kind = TokenKind.MINUS;
            case '*' -> kind = TokenKind.STAR;
            case '/' -> kind = TokenKind.SLASH;
            case '%' -> kind = TokenKind.PERCENT;
            case '&' -> kind = TokenKind.AMP;
            case '|' -> kind = TokenKind.BAR;
            case ':' -> {
                kind = n == '=' ? TokenKind.ASSIGN : TokenKind.COLON;
                length = n == '=' ? 2 : 1;
            }
            case '=' -> {
                kind = n == '=' ? TokenKind.EQUAL : TokenKind.UNIFY;
                length = n == '=' ? 2 : 1;
            }
            case '!' -> {
                kind = n == '=' ? TokenKind.NEQ : TokenKind.ILLEGAL;
                length = n == '=' ? 2 : 1;
            }
            case '<' -> {
                kind = n == '=' ? TokenKind.LTE : TokenKind.LT;
                length = n == '=' ? 2 : 1;
            }
            case '>' -> {
                kind = n == '=' ? TokenKind.GTE : TokenKind.GT;
                length = n == '=' ? 2 : 1;
            }
            default -> kind = TokenKind.ILLEGAL;
        }
        int start = pos;
        pos += Character.charCount(source.codePointAt(pos)) == 2 && kind == TokenKind.ILLEGAL ? 2 : length;
        return token(kind, source.substring(start, pos), at, newline);
    }

    private Token number(Location at, boolean newline) {
        int start = pos;
        digits();
        if (pos < source.length() && source.charAt(pos) == '.'
                && pos + 1 < source.length() && Character.isDigit(source.charAt(pos + 1))) {
            pos++;
            digits();
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < source.length() && Character.isDigit(source.charAt(pos))) {
                digits();
            } else {
                pos = mark;
            }
        }
        String text = source.substring(start, pos);
        if (pos < source.length() && (Character.isLetter(source.charAt(pos)) || source.charAt(pos) == '_')) {
            while (pos < source.length() && Character.isLetterOrDigit(source.charAt(pos))) {
                pos++;
            }
            error(at, "illegal number format");
            return token(TokenKind.ILLEGAL, source.substring(start, pos), at, newline);
        }
        if (text.length() > 1 && text.charAt(0) == '0' && Character.isDigit(text.charAt(1))) {
            error(at, "illegal number format: leading zero");
        }
        return token(TokenKind.NUMBER, text, at, newline);
    }

    private void digits() {
        while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    private Token rawString(Location at, boolean newline) {
        int start = ++pos;
        while (pos < source.length() && source.charAt(pos) != '`') {
            if (source.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
        if (pos >= source.length()) {
            error(at, "non-terminated raw string");
            return token(TokenKind.ILLEGAL, source.substring(start - 1), at, newline);
        }
        String text = source.substring(start, pos);
        pos++;
        return token(TokenKind.RAW_STRING, text, at, newline);
    }

    private Token string(Location at, boolean newline) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= source.length() || source.charAt(pos) == '\n') {
                error(at, "non-terminated string");
                return token(TokenKind.ILLEGAL, out.toString(), at, newline);
            }
            char c = source.charAt(pos);
            if (c == '"') {
                pos++;
                return token(TokenKind.STRING, out.toString(), at, newline);
            }
            if (c == '\\') {
                if (!escape(out, at)) {
                    skipToStringEnd();
                    return token(TokenKind.ILLEGAL, out.toString(), at, newline);
                }
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void skipToStringEnd() {
        while (pos < source.length() && source.charAt(pos) != '"' && source.charAt(pos) != '\n') {
            pos += source.charAt(pos) == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) != '\n' ? 2 : 1;
        }
        if (pos < source.length() && source.charAt(pos) == '"') {
            pos++;
        }
    }

    /** Decodes one JSON escape sequence at pos; returns false after reporting an invalid one. */
    private boolean escape(StringBuilder out, Location at) {
        char e = pos + 1 < source.length() ? source.charAt(pos + 1) : '\0';
        pos += 2;
        switch (e) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                if (pos + 4 > source.length() || !isHex(source.substring(pos, pos + 4))) {
                    error(at, "illegal escape sequence in string");
                    return false;
                }
                out.append((char) Integer.parseInt(source.substring(pos, pos + 4), 16));
                pos += 4;
            }
            default -> {
                error(at, "illegal escape sequence in string");
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private Token token(TokenKind kind, String text, Location at, boolean newline) {
        return new Token(kind, text, at, newline, pos);
    }

    private void error(Location at, String message) {
        errors.add(new RegoError(ErrorCode.PARSE, message, at));
    }
}
