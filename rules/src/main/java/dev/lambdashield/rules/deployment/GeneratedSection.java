package dev.lambdashield.rules.deployment;

/**
 * The generated part of {@code deploy/template.yaml}: the lines between {@link #BEGIN} and {@link #END}. Everything
 * outside the markers is written by hand and left unchanged.
 */
public final class GeneratedSection {

    /** The line that opens the generated part (leading spaces allowed). */
    public static final String BEGIN =
            "# BEGIN GENERATED CONFIG RULES: written by `lambda-shield deploy-config --write` from policies/*.rego; do not edit";
    /** The line that closes the generated part (leading spaces allowed). */
    public static final String END = "# END GENERATED CONFIG RULES";

    private GeneratedSection() {
    }

    /**
     * Returns the text between the markers, excluding the marker lines.
     *
     * @throws DeploymentConfigException when either marker is missing or they are out of order
     */
    public static String extract(String template) {
        Bounds bounds = find(template);
        return template.substring(bounds.contentStart(), bounds.contentEnd());
    }

    /**
     * Returns the template with the text between the markers replaced by {@code generated}.
     *
     * @throws DeploymentConfigException when either marker is missing or they are out of order
     */
    public static String replace(String template, String generated) {
        Bounds bounds = find(template);
        String body = generated.isEmpty() || generated.endsWith("\n") ? generated : generated + "\n";
        return template.substring(0, bounds.contentStart()) + body + template.substring(bounds.contentEnd());
    }

    private static Bounds find(String template) {
        int begin = markerLineStart(template, BEGIN, 0);
        int contentStart = begin < 0 ? -1 : template.indexOf('\n', begin) + 1;
        int end = contentStart <= 0 ? -1 : markerLineStart(template, END, contentStart);
        if (begin < 0 || contentStart <= 0 || end < 0) {
            throw new DeploymentConfigException(DeploymentConfigException.MARKERS_MISSING,
                    "the template has no generated section; add the line '" + BEGIN + "' and, after it, the line '"
                            + END + "' under Resources:");
        }
        return new Bounds(contentStart, end);
    }

    /** Finds the start of the line whose text, after leading spaces, is {@code marker}; -1 when there is none. */
    private static int markerLineStart(String text, String marker, int from) {
        int lineStart = from;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            int stop = lineEnd < 0 ? text.length() : lineEnd;
            if (text.substring(lineStart, stop).strip().equals(marker)) {
                return lineStart;
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private record Bounds(int contentStart, int contentEnd) {
    }
}
