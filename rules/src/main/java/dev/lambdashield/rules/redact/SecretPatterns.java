package dev.lambdashield.rules.redact;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patterns of credentials that are masked wherever they appear in free text, whether or not the
 * value was seen in a function's environment: AWS access key ids and secret keys, PEM private keys,
 * bearer tokens, JSON Web Tokens and {@code name=value} assignments whose name says password,
 * secret, token or key.
 */
final class SecretPatterns {

    /** Masks a whole PEM block, including an unterminated one cut off at the end of the text. */
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----|[\\s\\S]*)");

    /** Access key ids start with a four-letter type prefix (AKIA long-term, ASIA temporary ...). */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile(
            "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\\b");

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9\\-._~+/]{8,}=*");

    private static final Pattern JWT = Pattern.compile(
            "\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    /** A secret-like name, a separator such as {@code =}, {@code :} or {@code ": "}, then the value. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)\\b([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key"
                    + "|credential|authorization)[A-Za-z0-9_.-]*)(\\s*[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&}]+)");

    /**
     * Names that contain a secret-like word but hold an opaque, non-secret identifier: an SSM idempotency
     * token, a pagination token and the Config result token.
     */
    private static final Set<String> NON_SECRET_NAMES = Set.of("clienttoken", "nexttoken", "resulttoken");

    private static final List<Pattern> WHOLE_MATCHES = List.of(PRIVATE_KEY, ACCESS_KEY_ID, BEARER, JWT);

    private SecretPatterns() {
    }

    /** Replaces every credential-shaped part of {@code text} with {@code mask}. */
    static String mask(String text, String mask) {
        String result = text;
        for (Pattern pattern : WHOLE_MATCHES) {
            result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(mask));
        }
        return maskAssignments(result, mask);
    }

    /** Returns whether a field of this name holds a secret, so its whole value is masked. */
    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NON_SECRET_NAMES.contains(lower)) {
            return false;
        }
        return lower.contains("password") || lower.contains("passwd") || lower.contains("secret")
                || lower.contains("token") || lower.contains("apikey") || lower.contains("api_key")
                || lower.contains("privatekey") || lower.contains("private_key") || lower.contains("credential");
    }

    private static String maskAssignments(String text, String mask) {
        Matcher matcher = ASSIGNMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = matcher.group(3);
            boolean keep = NON_SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT)) || value.equals(mask);
            String replacement = keep ? matcher.group() : name + matcher.group(2) + mask;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
