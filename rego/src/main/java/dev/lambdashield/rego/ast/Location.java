package dev.lambdashield.rego.ast;

/**
 * A position in Rego source: file name, 1-based line and column, and 0-based character offset.
 * Unknown parts are -1; {@link #UNKNOWN} stands for a location that is not known at all.
 */
public record Location(String file, int line, int column, int offset) {

    public static final Location UNKNOWN = new Location("", -1, -1, -1);

    public static Location of(String file, int line, int column) {
        return new Location(file, line, column, -1);
    }

    public boolean isKnown() {
        return line > 0;
    }

    /** Formats as {@code file:line:col}, the form editors and terminals turn into links. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return file == null || file.isEmpty() ? "<unknown>" : file;
        }
        return file + ":" + line + ":" + column;
    }
}
