package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes values as JSON text the way Go's {@code encoding/json} does for OPA's {@code json.marshal}:
 * object keys sorted, sets as arrays, and {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped.
 */
final class GoJson {

    private GoJson() {
    }

    /** Formats compactly, as Go's {@code json.Marshal}. */
    static String marshal(Value value) {
        StringBuilder out = new StringBuilder();
        write(value, out, null, "", "");
        return out.toString();
    }

    /** Formats with a line prefix and an indent per level, as Go's {@code json.MarshalIndent}. */
    static String marshalIndent(Value value, String prefix, String indent) {
        StringBuilder out = new StringBuilder();
        write(value, out, indent, prefix, "");
        return out.toString();
    }

    private static void write(Value value, StringBuilder out, String indent, String prefix, String depth) {
        if (value instanceof ArrayValue a) {
            writeSequence(a.elements(), out, indent, prefix, depth);
        } else if (value instanceof SetValue s) {
            writeSequence(new ArrayList<>(s.elements()), out, indent, prefix, depth);
        } else if (value instanceof ObjectValue o) {
            writeObject(o, out, indent, prefix, depth);
        } else if (value instanceof StringValue s) {
            quote(s.value(), out);
        } else {
            out.append(value);
        }
    }

    private static void writeSequence(List<Value> elements, StringBuilder out, String indent, String prefix, String depth) {
        if (elements.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String inner = indent == null ? depth : depth + indent;
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(out, indent, prefix, inner);
            write(elements.get(i), out, indent, prefix, inner);
        }
        newline(out, indent, prefix, depth);
        out.append(']');
    }

    private static void writeObject(ObjectValue object, StringBuilder out, String indent, String prefix, String depth) {
        if (object.size() == 0) {
            out.append("{}");
            return;
        }
        // Go sorts map keys as strings, so a non-string key sorts by its JSON text.
        Map<String, Value> sorted = new TreeMap<>();
        for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
            String key = entry.getKey() instanceof StringValue s ? s.value() : ValueJson.toJson(entry.getKey());
            sorted.put(key, entry.getValue());
        }
        out.append('{');
        String inner = indent == null ? depth : depth + indent;
        boolean first = true;
        for (Map.Entry<String, Value> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, indent, prefix, inner);
            quote(entry.getKey(), out);
            out.append(indent == null ? ":" : ": ");
            write(entry.getValue(), out, indent, prefix, inner);
        }
        newline(out, indent, prefix, depth);
        out.append('}');
    }

    private static void newline(StringBuilder out, String indent, String prefix, String depth) {
        if (indent != null) {
            out.append('\n').append(prefix).append(depth);
        }
    }

    /** Appends a JSON string literal with Go's HTML-safe escapes. */
    static void quote(String text, StringBuilder out) {
        out.append('"');
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
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
