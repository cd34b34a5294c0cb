package dev.lambdashield.rego.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Converts between values and JSON: Jackson trees, JSON text, and Rego's printed form.
 *
 * <p>Numbers keep full precision in both directions. Sets become JSON arrays in value order, and an
 * object key that is not a string becomes the JSON text of the key, as OPA does.
 */
public final class ValueJson {

    /** Nesting deeper than this in JSON input is rejected instead of exhausting the stack. */
    public static final int MAX_JSON_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ValueJson() {
    }

    /** Parses one JSON document. Malformed text raises {@link IllegalArgumentException} with Jackson's reason. */
    public static Value parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON document");
            }
            Value value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("unexpected text after the JSON value at "
                        + parser.currentLocation().getLineNr() + ":" + parser.currentLocation().getColumnNr());
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Value read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectValue.Builder object = ObjectValue.builder();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(StringValue.of(name), read(parser, parser.nextToken()));
                }
                return object.build();
            }
            case START_ARRAY: {
                List<Value> elements = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    elements.add(read(parser, t));
                }
                return ArrayValue.of(elements);
            }
            case VALUE_STRING:
                return StringValue.of(parser.getText());
            case VALUE_NUMBER_INT:
                return NumberValue.of(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NumberValue.parse(parser.getText());
            case VALUE_TRUE:
                return BooleanValue.TRUE;
            case VALUE_FALSE:
                return BooleanValue.FALSE;
            case VALUE_NULL:
                return NullValue.INSTANCE;
            default:
                throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    /** Converts a Jackson tree; a missing node is not a value and is rejected. */
    public static Value fromJsonNode(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                ObjectValue.Builder object = ObjectValue.builder();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.put(StringValue.of(field.getKey()), fromJsonNode(field.getValue()));
                }
                return object.build();
            }
            case ARRAY: {
                List<Value> elements = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    elements.add(fromJsonNode(element));
                }
                return ArrayValue.of(elements);
            }
            case STRING:
                return StringValue.of(node.textValue());
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return NumberValue.of(node.bigIntegerValue());
                }
                return NumberValue.of(node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asText()));
            case BOOLEAN:
                return BooleanValue.of(node.booleanValue());
            case NULL:
                return NullValue.INSTANCE;
            default:
                throw new IllegalArgumentException("JSON node of type " + node.getNodeType() + " has no Rego value");
        }
    }

    /** Converts to a Jackson tree. */
    public static JsonNode toJsonNode(Value value) {
        if (value instanceof BooleanValue b) {
            return NODES.booleanNode(b.value());
        }
        if (value instanceof NumberValue n) {
            return n.isInteger() ? NODES.numberNode(n.bigInteger().orElseThrow()) : NODES.numberNode(n.bigDecimal());
        }
        if (value instanceof StringValue s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof ArrayValue a) {
            return toArrayNode(a.elements());
        }
        if (value instanceof SetValue s) {
            return toArrayNode(s.elements());
        }
        if (value instanceof ObjectValue o) {
            return toObjectNode(o);
        }
        return NODES.nullNode();
    }

    private static ArrayNode toArrayNode(Iterable<Value> elements) {
        ArrayNode array = NODES.arrayNode();
        for (Value element : elements) {
            array.add(toJsonNode(element));
        }
        return array;
    }

    private static ObjectNode toObjectNode(ObjectValue object) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
            String key = entry.getKey() instanceof StringValue s ? s.value() : toJson(entry.getKey());
            node.set(key, toJsonNode(entry.getValue()));
        }
        return node;
    }

    /** Formats as compact JSON text. */
    public static String toJson(Value value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Value value, StringBuilder out) {
        if (value instanceof ArrayValue a) {
            writeJsonSequence(a.elements(), out);
        } else if (value instanceof SetValue s) {
            writeJsonSequence(s.elements(), out);
        } else if (value instanceof ObjectValue o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<Value, Value> entry : o.entries().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                String key = entry.getKey() instanceof StringValue s ? s.value() : toJson(entry.getKey());
                out.append(quote(key)).append(':');
                writeJson(entry.getValue(), out);
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    private static void writeJsonSequence(Iterable<Value> elements, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Value element : elements) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeJson(element, out);
        }
        out.append(']');
    }

    /** Formats in Rego's source form: like JSON, but sets are written {@code {1, 2}} and the empty set {@code set()}. */
    public static String toRegoText(Value value) {
        StringBuilder out = new StringBuilder();
        writeRego(value, out);
        return out.toString();
    }

    private static void writeRego(Value value, StringBuilder out) {
        if (value instanceof ArrayValue a) {
            out.append('[');
            joinRego(a.elements(), out);
            out.append(']');
        } else if (value instanceof SetValue s) {
            if (s.size() == 0) {
                out.append("set()");
                return;
            }
            out.append('{');
            joinRego(s.elements(), out);
            out.append('}');
        } else if (value instanceof ObjectValue o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<Value, Value> entry : o.entries().entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeRego(entry.getKey(), out);
                out.append(": ");
                writeRego(entry.getValue(), out);
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    private static void joinRego(Iterable<Value> elements, StringBuilder out) {
        boolean first = true;
        for (Value element : elements) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            writeRego(element, out);
        }
    }

    /** Quotes a string as a JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
