package dev.lambdashield.rego.builtins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM blocks, and the "PEM or base64 of PEM or base64 of DER" input that OPA's crypto built-ins accept. */
final class Pem {

    /** One PEM block: its type (such as {@code CERTIFICATE}) and its decoded bytes. */
    record Block(String type, byte[] bytes) {
    }

    private static final String BEGIN = "-----BEGIN ";

    private Pem() {
    }

    /** Returns the PEM text of {@code input}, decoding it from base64 first unless it already is PEM; null if it is DER. */
    static String pemText(String input) {
        if (input.startsWith(BEGIN)) {
            return input;
        }
        String decoded = new String(Base64Text.decodeStd(input), StandardCharsets.ISO_8859_1);
        return decoded.startsWith(BEGIN) ? decoded : null;
    }

    /** Returns the bytes of {@code input}: the concatenated PEM blocks, or base64-decoded DER. */
    static List<Block> blocksOrDer(String input, String derType) {
        String pem = pemText(input);
        if (pem != null) {
            return blocks(pem);
        }
        return List.of(new Block(derType, Base64Text.decodeStd(input)));
    }

    static List<Block> blocks(String pem) {
        List<Block> blocks = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = pem.indexOf(BEGIN, pos);
            if (begin < 0) {
                return blocks;
            }
            int typeEnd = pem.indexOf("-----", begin + BEGIN.length());
            if (typeEnd < 0) {
                return blocks;
            }
            String type = pem.substring(begin + BEGIN.length(), typeEnd);
            String endMarker = "-----END " + type + "-----";
            int end = pem.indexOf(endMarker, typeEnd);
            if (end < 0) {
                return blocks;
            }
            String body = pem.substring(typeEnd + 5, end);
            blocks.add(new Block(type, Base64.getMimeDecoder().decode(stripHeaders(body))));
            pos = end + endMarker.length();
        }
    }

    /** Drops RFC 1421 headers such as {@code Proc-Type:}, which come before a blank line. */
    private static String stripHeaders(String body) {
        if (!body.contains(":")) {
            return body;
        }
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            blank = body.indexOf("\r\n\r\n");
        }
        return blank < 0 ? body : body.substring(blank);
    }
}
