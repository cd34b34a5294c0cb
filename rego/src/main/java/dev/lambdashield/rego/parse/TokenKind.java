package dev.lambdashield.rego.parse;

/** The kinds of tokens in Rego source. Keywords are identifiers; the parser decides by context. */
enum TokenKind {
    IDENT("identifier"), NUMBER("number"), STRING("string"), RAW_STRING("string"),
    LBRACE("{"), RBRACE("}"), LBRACK("["), RBRACK("]"), LPAREN("("), RPAREN(")"),
    DOT("."), COMMA(","), SEMICOLON(";"), COLON(":"), ASSIGN(":="), UNIFY("="),
    EQUAL("=="), NEQ("!="), LT("<"), LTE("<="), GT(">"), GTE(">="),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), AMP("&"), BAR("|"),
    ILLEGAL("illegal token"), EOF("eof");

    private final String text;

    TokenKind(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
