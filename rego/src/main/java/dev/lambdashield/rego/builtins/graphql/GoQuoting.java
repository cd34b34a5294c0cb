package dev.lambdashield.rego.builtins.graphql;

/** Quotes a string as Go's {@code strconv.Quote} does, which gqlparser uses in its messages. */
final class GoQuoting {

    private GoQuoting() {
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> appendEscaped(out, cp));
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x07 -> out.append("\\a");
            case 0x08 -> out.append("\\b");
            case 0x0c -> out.append("\\f");
            case 0x0b -> out.append("\\v");
            default -> {
                if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                } else if (!Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT) {
                    out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
