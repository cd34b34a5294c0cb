package dev.lambdashield.rules.remediate;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Derives the idempotency keys that make a repeated or retried event start no second remediation: the SSM
 * {@code ClientToken} and the Step Functions execution name.
 *
 * <p>Both are a SHA-256 over the resource, the policy id and version, and the configuration state (the item's
 * {@code configuration} and {@code supplementaryConfiguration} in canonical JSON with sorted keys). The same
 * function in the same state thus gets the same keys whichever event delivered it, and a changed
 * configuration gets new ones.
 * NOTE: because of this, a remediation that failed is not started again until the function's configuration
 * changes or the policy's version does.
 */
public final class IdempotencyKeys {

    /** Step Functions allows at most 80 characters in an execution name. */
    static final int MAX_EXECUTION_NAME = 80;
    static final int NAME_POLICY_PART = 40;
    static final String NAME_PREFIX = "ls-";

    private final byte[] digest;

    private IdempotencyKeys(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @param resource the resource ARN, or its id when the ARN is unknown
     * @param item     the configuration item in notification form
     */
    public static IdempotencyKeys of(String resource, String policyId, String policyVersion, JsonNode item) {
        StringBuilder input = new StringBuilder();
        input.append(resource).append('\n').append(policyId).append('\n').append(policyVersion).append('\n');
        canonical(item == null ? null : item.get("configuration"), input);
        input.append('\n');
        canonical(item == null ? null : item.get("supplementaryConfiguration"), input);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return new IdempotencyKeys(sha.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * The SSM {@code ClientToken}: the first 16 bytes of the digest in UUID form, with the version nibble set to
     * 8 (RFC 9562 custom) and the RFC 4122 variant, because SSM accepts only UUID-shaped tokens.
     */
    public String clientToken() {
        byte[] bytes = java.util.Arrays.copyOf(digest, 16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /**
     * Returns the Step Functions execution name, {@code ls-<policy id>-<32 hex digits>}: at most 80 characters
     * of letters, digits, {@code -} and {@code _}, as Step Functions requires.
     */
    public String executionName(String policyId) {
        String policyPart = policyId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (policyPart.length() > NAME_POLICY_PART) {
            policyPart = policyPart.substring(0, NAME_POLICY_PART);
        }
        String hash = HexFormat.of().formatHex(digest, 0, 16);
        String name = NAME_PREFIX + policyPart + "-" + hash;
        return name.length() <= MAX_EXECUTION_NAME ? name : name.substring(0, MAX_EXECUTION_NAME);
    }

    /** Writes {@code node} as JSON with object keys sorted, so equal content gives equal text. */
    static void canonical(JsonNode node, StringBuilder out) {
        if (node == null || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",").append(quoted(names.get(i))).append(':');
                canonical(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                canonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private static String quoted(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
