package dev.lambdashield.rego.builtins;

/** Go's strconv.Quote: a double-quoted literal that escapes control and non-printable characters. */
final class GoQuote {

    private GoQuote() {
    }

    /** Quotes with double quotes, or with backquotes when {@code backquote} is set and the text allows it. */
    static String quote(String text, boolean backquote) {
        if (backquote && canBackquote(text)) {
            return "`" + text + "`";
        }
        return "\"" + escape(text, '"') + "\"";
    }

    static String escape(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> appendEscaped(out, cp, quote));
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (isPrintable(cp)) {
                    out.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    out.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    private static boolean isPrintable(int cp) {
        if (cp < 0x20 || cp == 0x7F) {
            return false;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && (type != Character.SPACE_SEPARATOR || cp == ' ');
    }

    private static boolean canBackquote(String text) {
        return text.codePoints().allMatch(cp -> cp != '`' && cp != 0xFEFF && (cp >= 0x20 || cp == '\t') && cp != 0x7F);
    }
}
