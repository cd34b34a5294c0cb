package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts parameter values to their declared type: the rule's string parameters, and the defaults policies
 * declare in YAML. Each method throws {@link IllegalArgumentException} whose message states what was expected.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** Converts a rule parameter given as text. */
    public static Value fromText(ParameterType type, String text) {
        String trimmed = text.trim();
        switch (type) {
            case STRING:
                return StringValue.of(text);
            case INTEGER:
                return NumberValue.of(parseInteger(trimmed));
            case NUMBER:
                return NumberValue.of(parseNumber(trimmed));
            case BOOLEAN:
                return BooleanValue.of(parseBoolean(trimmed));
            case LIST:
                return trimmed.startsWith("[") ? fromDeclared(type, parseJson(trimmed)) : splitList(trimmed);
            default:
                throw new IllegalStateException("unhandled parameter type " + type);
        }
    }

    /** Checks a value taken from YAML (a default) against the type; text is converted as {@link #fromText} does. */
    public static Value fromDeclared(ParameterType type, Value value) {
        if (value instanceof StringValue s && type != ParameterType.STRING) {
            return fromText(type, s.value());
        }
        switch (type) {
            case STRING:
                return require(value instanceof StringValue, value, "a string");
            case INTEGER:
                return require(value instanceof NumberValue n && n.isInteger(), value, "an integer");
            case NUMBER:
                return require(value instanceof NumberValue, value, "a number");
            case BOOLEAN:
                return require(value instanceof BooleanValue, value, "true or false");
            case LIST:
                return requireStringList(value);
            default:
                throw new IllegalStateException("unhandled parameter type " + type);
        }
    }

    private static BigInteger parseInteger(String text) {
        try {
            return new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer", e);
        }
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number", e);
        }
    }

    private static boolean parseBoolean(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("expected true or false");
        }
    }

    private static Value splitList(String text) {
        List<Value> elements = new ArrayList<>();
        for (String part : text.split(",")) {
            String element = part.trim();
            if (!element.isEmpty()) {
                elements.add(StringValue.of(element));
            }
        }
        return ArrayValue.of(elements);
    }

    private static Value parseJson(String text) {
        try {
            return ValueJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a comma-separated list or a JSON array of strings", e);
        }
    }

    private static Value requireStringList(Value value) {
        if (value instanceof ArrayValue array) {
            for (Value element : array.elements()) {
                if (!(element instanceof StringValue)) {
                    throw new IllegalArgumentException("expected a list of strings, found element " + element);
                }
            }
            return array;
        }
        throw new IllegalArgumentException("expected a list of strings, found " + value.typeName());
    }

    private static Value require(boolean matches, Value value, String expected) {
        if (!matches) {
            throw new IllegalArgumentException("expected " + expected + ", found " + value.typeName() + " " + value);
        }
        return value;
    }
}
