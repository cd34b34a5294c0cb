package dev.lambdashield.rules.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The redaction step every output passes through (Security Hub findings, Config annotations, log lines,
 * reports and dry-run lines), so that environment-variable values, secrets and tokens never leave the function.
 *
 * <p>Three layers apply, in this order:
 * <ol>
 *   <li>values remembered from functions' environments (see {@link EnvironmentSecrets}) are replaced wherever
 *       they occur in a string;</li>
 *   <li>credential-shaped text (AWS keys, PEM private keys, bearer tokens, JWTs, {@code password=...}) is
 *       masked by {@link SecretPatterns};</li>
 *   <li>in JSON trees, every value of an {@code environment.variables} object and the whole string value of a
 *       field with a secret-like name ({@code password}, {@code token}, ...) is masked.</li>
 * </ol>
 *
 * <p>Remembered values accumulate for the life of the instance (one warm Lambda container), bounded by
 * {@link #MAX_REMEMBERED}; the instance is thread-safe.
 */
public final class Redactor {

    /** The text that replaces a redacted value. */
    public static final String MASK = "[REDACTED]";

    /** Bounds memory when one container scans very many functions; the oldest entries are not evicted. */
    static final int MAX_REMEMBERED = 50_000;

    private final Set<String> remembered = ConcurrentHashMap.newKeySet();
    private volatile SecretIndex index = SecretIndex.EMPTY;
    private volatile boolean indexStale;

    private Redactor() {
    }

    private static final Redactor SHARED = new Redactor();

    /** Creates a redactor that masks credential patterns, and environment values once they are remembered. */
    public static Redactor create() {
        return new Redactor();
    }

    /**
     * Returns the process-wide redactor. The log layout uses it because log lines are written from everywhere in
     * the module. The handler remembers every configuration item's environment in it before anything is logged.
     */
    public static Redactor shared() {
        return SHARED;
    }

    /**
     * Remembers the environment values of a configuration item (notification or history form) so that they are
     * masked in every later output.
     */
    public void rememberEnvironment(JsonNode configurationItem) {
        rememberAll(EnvironmentSecrets.valuesOf(configurationItem));
    }

    /** Remembers literal secret values; values too short to mask safely are ignored (see {@link EnvironmentSecrets}). */
    public void rememberAll(Collection<String> values) {
        boolean changed = false;
        for (String value : values) {
            if (value != null && !value.isEmpty() && remembered.size() < MAX_REMEMBERED && remembered.add(value)) {
                changed = true;
            }
        }
        if (changed) {
            // The index is rebuilt on the next redact call, once for a whole batch of remembered items.
            indexStale = true;
        }
    }

    private SecretIndex currentIndex() {
        if (indexStale) {
            synchronized (this) {
                if (indexStale) {
                    // Cleared before the copy, so a value remembered during the rebuild marks the index stale again.
                    indexStale = false;
                    index = SecretIndex.of(List.copyOf(remembered));
                }
            }
        }
        return index;
    }

    /** Returns {@code text} with remembered values and credential-shaped parts masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = currentIndex().maskAll(text, MASK);
        return SecretPatterns.mask(result, MASK);
    }

    /** Returns a redacted deep copy of {@code node}; the argument is not changed. */
    public JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        return redactNode(node, false);
    }

    private JsonNode redactNode(JsonNode node, boolean maskAllValues) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(maskAllValues ? MASK : redact(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode element : node) {
                copy.add(redactNode(element, maskAllValues));
            }
            return copy;
        }
        if (node.isObject()) {
            return redactObject(node, maskAllValues);
        }
        if (maskAllValues && node.isValueNode() && !node.isNull()) {
            return JsonNodeFactory.instance.textNode(MASK);
        }
        return node.deepCopy();
    }

    private ObjectNode redactObject(JsonNode node, boolean maskAllValues) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            boolean maskChild = maskAllValues
                    || EnvironmentSecrets.isVariablesField(node, name)
                    || (SecretPatterns.isSecretName(name) && value.isValueNode() && !value.isNull());
            copy.set(redact(name), redactNode(value, maskChild));
        }
        return copy;
    }
}
