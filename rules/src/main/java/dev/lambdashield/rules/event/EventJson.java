package dev.lambdashield.rules.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON reader for events and configuration items. Numbers keep full precision (integers beyond 2^53 as
 * {@code BigInteger}, decimals as {@code BigDecimal}), and nesting deeper than the Rego engine accepts is
 * rejected at parse time.
 */
public final class EventJson {

    /** The same nesting limit as the Rego engine's JSON reader. */
    public static final int MAX_DEPTH = 1000;

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private EventJson() {
    }

    private static final java.util.regex.Pattern QUOTED_TOKEN = java.util.regex.Pattern.compile("'[^']{2,}'");

    /**
     * Parses JSON text.
     *
     * @param what names the text in the error message, e.g. {@code invokingEvent}
     * @throws EventException with code {@code invalid_event} when the text is not JSON
     */
    public static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new EventException("invalid_event", what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            // Jackson quotes the offending token, which may be part of a secret. The quote is cut out, and the
            // cause is not kept because its message contains the token too.
            String reason = QUOTED_TOKEN.matcher(e.getOriginalMessage()).replaceAll("'[token omitted]'");
            throw new EventException("invalid_event", what + " is not valid JSON: " + reason + where);
        }
    }
}
