package dev.lambdashield.rego.builtins.graphql;

/**
 * One lexical token. An {@code INVALID} token carries the lexer's error message, which becomes the
 * parse error only when the parser consumes the token; a parser that merely peeks at it reports
 * "Unexpected &lt;Invalid&gt;" instead, as gqlparser does.
 */
record Token(Kind kind, String value, Ast.Pos pos, String lexError) {

    enum Kind {
        INVALID("<Invalid>"), EOF("<EOF>"), BANG("!"), DOLLAR("$"), AMP("&"), PAREN_L("("), PAREN_R(")"),
        SPREAD("..."), COLON(":"), EQUALS("="), AT("@"), BRACKET_L("["), BRACKET_R("]"), BRACE_L("{"),
        BRACE_R("}"), PIPE("|"), NAME("Name"), INT("Int"), FLOAT("Float"), STRING("String"),
        BLOCK_STRING("BlockString");

        private final String display;

        Kind(String display) {
            this.display = display;
        }

        @Override
        public String toString() {
            return display;
        }
    }

    /** Renders the token as gqlparser's messages show it: the kind, then the quoted value if any. */
    String describe() {
        return value.isEmpty() ? kind.toString() : kind + " " + GoQuoting.quote(value);
    }
}
