package dev.lambdashield.cli.rego;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.RegoError;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints Rego errors as {@code file:line:col: code: message}, then the source line and a caret under the
 * column, for example:
 * <pre>
 * policies/bad.rego:4:14: rego_parse_error: unexpected identifier
 *    4 | deny contains msg iff {
 *      |              ^
 * </pre>
 */
public final class ErrorRenderer {

    private final Map<String, String> sources;

    /** @param sources module text by file name, as given to the compiler */
    public ErrorRenderer(Map<String, String> sources) {
        this.sources = sources;
    }

    public void print(List<RegoError> errors, PrintWriter out) {
        for (RegoError error : errors) {
            out.print(render(error));
        }
        out.flush();
    }

    /** Renders one error, ending with a newline. */
    public String render(RegoError error) {
        StringBuilder text = new StringBuilder();
        text.append(error.location()).append(": ").append(error.code().code()).append(": ")
                .append(error.message()).append('\n');
        String line = sourceLine(error.location());
        if (line != null) {
            String number = String.valueOf(error.location().line());
            String gutter = " ".repeat(Math.max(0, 4 - number.length()));
            text.append(gutter).append(number).append(" | ").append(line).append('\n');
            text.append(" ".repeat(Math.max(4, number.length()))).append(" | ")
                    .append(caretIndent(line, error.location().column())).append("^\n");
        }
        return text.toString();
    }

    private String sourceLine(Location location) {
        if (location == null || !location.isKnown()) {
            return null;
        }
        String source = sources.get(location.file());
        if (source == null) {
            return null;
        }
        String[] lines = source.split("\r?\n", -1);
        if (location.line() > lines.length) {
            return null;
        }
        return lines[location.line() - 1];
    }

    /** Keeps tabs as tabs, so the caret lines up with the printed source whatever the tab width. */
    private static String caretIndent(String line, int column) {
        StringBuilder indent = new StringBuilder();
        int stop = Math.min(Math.max(column - 1, 0), line.length());
        for (int i = 0; i < stop; i++) {
            indent.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return indent.toString();
    }
}
