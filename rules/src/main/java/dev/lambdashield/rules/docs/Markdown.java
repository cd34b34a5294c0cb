package dev.lambdashield.rules.docs;

/** A small Markdown writer with Unix line endings and exactly one trailing newline. */
final class Markdown {

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
    }

    void blank() {
        text.append('\n');
    }

    /** Writes a paragraph followed by a blank line. */
    void paragraph(String paragraph) {
        line(paragraph.strip());
        blank();
    }

    /** Returns text safe inside a table cell: pipes escaped, line breaks joined. */
    static String cell(String value) {
        return value.strip().replace("|", "\\|").replace("\r", "").replace('\n', ' ');
    }

    String text() {
        String result = text.toString();
        while (result.endsWith("\n\n")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
