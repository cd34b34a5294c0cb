package dev.lambdashield.rego.builtins;

import java.util.Base64;

/** Base64 decoding with the strictness and error text of Go's {@code encoding/base64}. */
final class Base64Text {

    private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Base64Text() {
    }

    /** Decodes padded standard base64, as Go's {@code StdEncoding}; line breaks are skipped as Go skips them. */
    static byte[] decodeStd(String text) {
        return decode(text, STD, true);
    }

    /** Decodes base64url with padding, or without it when the length is not a multiple of four, as OPA does. */
    static byte[] decodeUrl(String text) {
        return decode(text, URL, stripNewlines(text).length() % 4 == 0);
    }

    /** Decodes unpadded base64url, as Go's {@code RawURLEncoding} does for JWT sections. */
    static byte[] decodeRawUrl(String text) {
        return decode(text, URL, false);
    }

    private static byte[] decode(String text, String alphabet, boolean padded) {
        String compact = stripNewlines(text);
        int dataLength = compact.length();
        if (padded) {
            int padding = 0;
            while (padding < 2 && dataLength > 0 && compact.charAt(dataLength - 1) == '=') {
                dataLength--;
                padding++;
            }
        }
        for (int i = 0; i < dataLength; i++) {
            if (alphabet.indexOf(compact.charAt(i)) < 0) {
                throw illegal(text, i);
            }
        }
        if (padded && compact.length() % 4 != 0) {
            throw illegal(text, compact.length() - compact.length() % 4);
        }
        if (!padded && dataLength % 4 == 1) {
            throw illegal(text, dataLength - 1);
        }
        String body = compact.substring(0, dataLength);
        Base64.Decoder decoder = alphabet == STD ? Base64.getDecoder() : Base64.getUrlDecoder();
        try {
            return decoder.decode(body);
        } catch (IllegalArgumentException e) {
            throw illegal(text, dataLength);
        }
    }

    private static String stripNewlines(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace("\n", "").replace("\r", "");
    }

    private static BuiltinException illegal(String text, int index) {
        return BuiltinException.failure("illegal base64 data at input byte " + index);
    }
}
