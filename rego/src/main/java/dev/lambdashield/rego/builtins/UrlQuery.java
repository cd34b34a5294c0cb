package dev.lambdashield.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** URL query escaping as Go's {@code url.QueryEscape} and {@code url.QueryUnescape} do it. */
final class UrlQuery {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlQuery() {
    }

    /** Escapes every byte except ASCII letters, digits and {@code -_.~}; a space becomes {@code +}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Reverses {@link #escape}; a malformed escape raises Go's message. */
    static String unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
                    String escape = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
                    throw BuiltinException.failure("invalid URL escape \"" + escape + "\"");
                }
                out.write(Character.digit(bytes[i + 1], 16) << 4 | Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
