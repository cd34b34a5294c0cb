package dev.lambdashield.rego.builtins.graphql;

/**
 * A syntax or validation error in a GraphQL document, with the 1-based line and column it points at
 * (0 when the document came from a Rego object and carries no positions).
 */
public final class GraphqlError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public GraphqlError(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    static GraphqlError at(Ast.Pos pos, String message) {
        return pos == null ? new GraphqlError(message, 0, 0) : new GraphqlError(message, pos.line(), pos.column());
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
