package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Formats a value as OPA's Term.String does, for sprintf: numbers keep the form they were written
 * in ({@code 1.50} stays {@code 1.50}), strings are quoted as Go's strconv.Quote quotes them, and
 * sets print as {@code {1, 2}} or {@code set()}.
 */
final class RegoText {

    private RegoText() {
    }

    static String format(Value value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Value value, StringBuilder out) {
        if (value instanceof StringValue s) {
            out.append(GoQuote.quote(s.value(), false));
        } else if (value instanceof NumberValue n) {
            out.append(number(n.bigDecimal()));
        } else if (value instanceof ArrayValue a) {
            out.append('[');
            writeAll(a.elements(), out);
            out.append(']');
        } else if (value instanceof SetValue s) {
            if (s.size() == 0) {
                out.append("set()");
                return;
            }
            out.append('{');
            writeAll(s.elements(), out);
            out.append('}');
        } else if (value instanceof ObjectValue o) {
            writeObject(o, out);
        } else {
            out.append(value);
        }
    }

    private static void writeObject(ObjectValue object, StringBuilder out) {
        out.append('{');
        String separator = "";
        for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
            out.append(separator);
            write(entry.getKey(), out);
            out.append(": ");
            write(entry.getValue(), out);
            separator = ", ";
        }
        out.append('}');
    }

    private static void writeAll(Iterable<Value> elements, StringBuilder out) {
        String separator = "";
        for (Value element : elements) {
            out.append(separator);
            write(element, out);
            separator = ", ";
        }
    }

    /** Returns the number as written: plain digits, with an exponent in Go's form (1e6) when it has one. */
    private static String number(BigDecimal value) {
        if (value.scale() >= 0) {
            return value.toPlainString();
        }
        return value.toString().replace("E+", "e").replace('E', 'e');
    }
}
