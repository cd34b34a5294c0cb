package dev.lambdashield.rego.builtins.graphql;

/**
 * Splits GraphQL source text into tokens, skipping white space, commas and comments. Columns count
 * Unicode code points, as gqlparser counts runes.
 */
final class Lexer {

    private final int[] src;
    private int start;
    private int end;
    private int line = 1;
    private int lineStart;

    Lexer(String source) {
        this.src = source.codePoints().toArray();
    }

    Token readToken() {
        skipIgnored();
        start = end;
        if (end >= src.length) {
            return token(Token.Kind.EOF, "");
        }
        int c = src[end++];
        Token.Kind punctuator = punctuator(c);
        if (punctuator != null) {
            return token(punctuator, "");
        }
        if (c == '.' && end + 1 < src.length && src[end] == '.' && src[end + 1] == '.') {
            end += 2;
            return token(Token.Kind.SPREAD, "");
        }
        if (c == '_' || isLetter(c)) {
            return readName();
        }
        if (c == '-' || isDigit(c)) {
            end--;
            return readNumber();
        }
        if (c == '"') {
            boolean block = end + 1 < src.length && src[end] == '"' && src[end + 1] == '"';
            return block ? readBlockString() : readString();
        }
        end--;
        return unexpectedCharacter(c);
    }

    private Token unexpectedCharacter(int c) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return error(String.format("Cannot contain the invalid character \"\\u%04d\"", c));
        }
        if (c == '\'') {
            return error("Unexpected single quote character ('), did you mean to use a double quote (\")?");
        }
        return error("Cannot parse the unexpected character \"" + Character.toString(c) + "\".");
    }

    private static Token.Kind punctuator(int c) {
        return switch (c) {
            case '!' -> Token.Kind.BANG;
            case '$' -> Token.Kind.DOLLAR;
            case '&' -> Token.Kind.AMP;
            case '(' -> Token.Kind.PAREN_L;
            case ')' -> Token.Kind.PAREN_R;
            case ':' -> Token.Kind.COLON;
            case '=' -> Token.Kind.EQUALS;
            case '@' -> Token.Kind.AT;
            case '[' -> Token.Kind.BRACKET_L;
            case ']' -> Token.Kind.BRACKET_R;
            case '{' -> Token.Kind.BRACE_L;
            case '}' -> Token.Kind.BRACE_R;
            case '|' -> Token.Kind.PIPE;
            default -> null;
        };
    }

    private void skipIgnored() {
        while (end < src.length) {
            int c = src[end];
            if (c == '\t' || c == ' ' || c == ',' || c == 0xFEFF) {
                end++;
            } else if (c == '\n') {
                end++;
                newLine();
            } else if (c == '\r') {
                end++;
                newLine();
                if (end < src.length && src[end] == '\n') {
                    end++;
                }
            } else if (c == '#') {
                while (end < src.length && (src[end] > 0x1f || src[end] == '\t')) {
                    end++;
                }
            } else {
                return;
            }
        }
    }

    private void newLine() {
        line++;
        lineStart = end;
    }

    private Token readName() {
        while (end < src.length && (src[end] == '_' || isLetter(src[end]) || isDigit(src[end]))) {
            end++;
        }
        return token(Token.Kind.NAME, text(start, end));
    }

    private Token readNumber() {
        boolean isFloat = false;
        accept('-');
        if (accept('0')) {
            int consumed = acceptDigits();
            if (consumed != 0) {
                end -= consumed;
                return error("Invalid number, unexpected digit after 0: " + describeNext() + ".");
            }
        } else if (acceptDigits() == 0) {
            return error("Invalid number, expected digit but got: " + describeNext() + ".");
        }
        if (accept('.')) {
            isFloat = true;
            if (acceptDigits() == 0) {
                return error("Invalid number, expected digit but got: " + describeNext() + ".");
            }
        }
        if (accept('e') || accept('E')) {
            isFloat = true;
            if (!accept('-')) {
                accept('+');
            }
            if (acceptDigits() == 0) {
                return error("Invalid number, expected digit but got: " + describeNext() + ".");
            }
        }
        return token(isFloat ? Token.Kind.FLOAT : Token.Kind.INT, text(start, end));
    }

    private Token readString() {
        start++;
        StringBuilder value = new StringBuilder();
        while (end < src.length) {
            int c = src[end];
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c < 0x20 && c != '\t') {
                return error(String.format("Invalid character within String: \"\\u%04d\".", c));
            }
            if (c == '"') {
                Token token = new Token(Token.Kind.STRING, value.toString(), pos(start), null);
                end++;
                return token;
            }
            if (c == '\\') {
                String failure = readEscape(value);
                if (failure != null) {
                    return error(failure);
                }
            } else {
                value.appendCodePoint(c);
                end++;
            }
        }
        return error("Unterminated string.");
    }

    /** Appends one escape sequence's character; returns the error message when it is invalid. */
    private String readEscape(StringBuilder value) {
        if (end + 1 >= src.length) {
            end++;
            return "Invalid character escape sequence.";
        }
        int escape = src[end + 1];
        if (escape == 'u') {
            if (end + 6 >= src.length) {
                end++;
                return "Invalid character escape sequence: \\" + text(end, src.length) + ".";
            }
            int code = unhex(end + 2);
            if (code < 0) {
                end++;
                return "Invalid character escape sequence: \\" + text(end, end + 5) + ".";
            }
            value.appendCodePoint(code);
            end += 6;
            return null;
        }
        int decoded = switch (escape) {
            case '"', '/', '\\' -> escape;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> -1;
        };
        if (decoded < 0) {
            end++;
            return "Invalid character escape sequence: \\" + Character.toString(escape) + ".";
        }
        value.appendCodePoint(decoded);
        end += 2;
        return null;
    }

    private int unhex(int from) {
        int code = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(src[i], 16);
            if (digit < 0 || src[i] > 'f') {
                return -1;
            }
            code = code << 4 | digit;
        }
        return code;
    }

    private Token readBlockString() {
        start += 3;
        end += 2;
        StringBuilder raw = new StringBuilder();
        while (end < src.length) {
            int c = src[end];
            if (c == '"' && end + 2 < src.length && src[end + 1] == '"' && src[end + 2] == '"') {
                Token token = new Token(Token.Kind.BLOCK_STRING, BlockStrings.value(raw.toString()), pos(start), null);
                end += 3;
                return token;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return error(String.format("Invalid character within String: \"\\u%04d\".", c));
            }
            if (c == '\\' && end + 3 < src.length && src[end + 1] == '"' && src[end + 2] == '"' && src[end + 3] == '"') {
                raw.append("\"\"\"");
                end += 4;
            } else if (c == '\r') {
                if (end + 1 < src.length && src[end + 1] == '\n') {
                    end++;
                }
                raw.append('\n');
                end++;
                newLine();
            } else {
                raw.appendCodePoint(c);
                end++;
                if (c == '\n') {
                    newLine();
                }
            }
        }
        return error("Unterminated string.");
    }

    private boolean accept(int c) {
        if (end < src.length && src[end] == c) {
            end++;
            return true;
        }
        return false;
    }

    private int acceptDigits() {
        int consumed = 0;
        while (end < src.length && isDigit(src[end])) {
            end++;
            consumed++;
        }
        return consumed;
    }

    private String describeNext() {
        return end < src.length ? "\"" + Character.toString(src[end]) + "\"" : "<EOF>";
    }

    private Token token(Token.Kind kind, String value) {
        return new Token(kind, value, pos(start), null);
    }

    /** Creates an invalid token at the point where the lexer stopped, where gqlparser places it too. */
    private Token error(String message) {
        return new Token(Token.Kind.INVALID, "", new Ast.Pos(line, end - lineStart + 1), message);
    }

    private Ast.Pos pos(int offset) {
        return new Ast.Pos(line, offset - lineStart + 1);
    }

    private String text(int from, int to) {
        return new String(src, from, to - from);
    }

    private static boolean isLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
