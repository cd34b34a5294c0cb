package dev.lambdashield.rules.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Formats one log event as one line of JSON: timestamp, level, logger, message, the MDC entries, the event's
 * key-value pairs, and the error with its stack trace when there is one.
 */
final class JsonLogLayout {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLogLayout() {
    }

    static String format(Instant time, Level level, String logger, String message, Map<String, String> mdc,
                         List<KeyValuePair> pairs, Throwable error) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField(LogKey.TIMESTAMP.key(), time.toString());
            json.writeStringField(LogKey.LEVEL.key(), level.name());
            json.writeStringField(LogKey.LOGGER.key(), logger);
            json.writeStringField(LogKey.MESSAGE.key(), JsonLogOutput.redact(message));
            if (mdc != null) {
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    json.writeStringField(entry.getKey(), JsonLogOutput.redact(entry.getValue()));
                }
            }
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    json.writeFieldName(pair.key);
                    writeValue(json, pair.value);
                }
            }
            if (error != null) {
                json.writeStringField(LogKey.ERROR_TYPE.key(), error.getClass().getName());
                json.writeStringField(LogKey.ERROR.key(), JsonLogOutput.redact(stackTrace(error)));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else {
            json.writeString(JsonLogOutput.redact(value.toString()));
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
