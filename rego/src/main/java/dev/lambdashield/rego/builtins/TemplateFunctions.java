package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in functions of Go templates that render_template supports (and, or, not, len, index,
 * eq, ne, lt, le, gt, ge, print, printf, println), and Go's printing of template values.
 */
final class TemplateFunctions {

    /** The value of a missing object key, which prints as {@code <undefined>} and is false in conditions. */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "<undefined>";
        }
    };

    private static final Set<String> NAMES = Set.of("and", "or", "not", "len", "index", "eq", "ne", "lt", "le",
            "gt", "ge", "print", "printf", "println");

    static boolean isFunction(String name) {
        return NAMES.contains(name);
    }

    Object call(String name, List<Object> args) {
        switch (name) {
            case "and", "or" -> {
                requireArgs(name, args, 1);
                for (Object arg : args) {
                    if (isTrue(arg) != name.equals("and")) {
                        return arg;
                    }
                }
                return args.get(args.size() - 1);
            }
            case "not" -> {
                requireArgs(name, args, 1);
                return BooleanValue.of(!isTrue(args.get(0)));
            }
            case "len" -> {
                return (long) length(args);
            }
            case "index" -> {
                return index(args);
            }
            case "eq", "ne", "lt", "le", "gt", "ge" -> {
                return compare(name, args);
            }
            case "printf" -> {
                requireArgs(name, args, 1);
                List<SprintfFormatter.Operand> operands = new ArrayList<>();
                for (Object arg : args.subList(1, args.size())) {
                    operands.add(operand(arg));
                }
                return StringValue.of(SprintfFormatter.formatOperands(print(args.get(0)), operands));
            }
            default -> {
                return StringValue.of(sprint(args, name.equals("println")));
            }
        }
    }

    private static void requireArgs(String name, List<Object> args, int minimum) {
        if (args.size() < minimum) {
            throw TemplateLexer.error("wrong number of args for " + name + ": want at least " + minimum + " got " + args.size());
        }
    }

    private static int length(List<Object> args) {
        requireArgs("len", args, 1);
        Object value = args.get(0);
        if (value instanceof StringValue s) {
            return s.value().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value instanceof ArrayValue a) {
            return a.size();
        }
        if (value instanceof SetValue s) {
            return s.size();
        }
        if (value instanceof ObjectValue o) {
            return o.size();
        }
        throw TemplateLexer.error("error calling len: len of type " + goType(value));
    }

    private static Object index(List<Object> args) {
        requireArgs("index", args, 1);
        Object current = args.get(0);
        for (Object key : args.subList(1, args.size())) {
            if (current instanceof ObjectValue o) {
                current = o.get(key instanceof Long l ? NumberValue.of(l) : (Value) key);
            } else if (current instanceof ArrayValue a && key instanceof Long i) {
                if (i < 0 || i >= a.size()) {
                    throw TemplateLexer.error("error calling index: index out of range: " + i);
                }
                current = a.get(i.intValue());
            } else {
                throw TemplateLexer.error("error calling index: can't index item of type " + goType(current));
            }
        }
        return current;
    }

    private static Object compare(String name, List<Object> args) {
        requireArgs(name, args, 2);
        if (name.equals("eq")) {
            for (Object other : args.subList(1, args.size())) {
                if (compareValues(args.get(0), other, true) == 0) {
                    return BooleanValue.TRUE;
                }
            }
            return BooleanValue.FALSE;
        }
        int c = compareValues(args.get(0), args.get(1), name.equals("ne"));
        boolean result = switch (name) {
            case "ne" -> c != 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            case "gt" -> c > 0;
            default -> c >= 0;
        };
        return BooleanValue.of(result);
    }

    /** Compares numbers, strings and (for equality only) booleans; other pairs are incompatible, as in Go. */
    private static int compareValues(Object left, Object right, boolean equalityOnly) {
        BigDecimal l = decimal(left);
        BigDecimal r = decimal(right);
        if (l != null && r != null) {
            return l.compareTo(r);
        }
        if (left instanceof StringValue a && right instanceof StringValue b) {
            return a.value().compareTo(b.value());
        }
        if (equalityOnly && left instanceof BooleanValue a && right instanceof BooleanValue b) {
            return a.value() == b.value() ? 0 : 1;
        }
        throw TemplateLexer.error("error calling comparison: incompatible types for comparison");
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        return value instanceof NumberValue n ? n.bigDecimal() : null;
    }

    private static SprintfFormatter.Operand operand(Object value) {
        if (value instanceof Long l) {
            return new SprintfFormatter.Operand(SprintfFormatter.Kind.INT, BigInteger.valueOf(l), 0, null);
        }
        if (value instanceof NumberValue n) {
            return new SprintfFormatter.Operand(SprintfFormatter.Kind.FLOAT, null, n.doubleValue(), null);
        }
        return new SprintfFormatter.Operand(SprintfFormatter.Kind.STRING, null, 0, print(value));
    }

    /** Formats as fmt.Sprint (spaces only between two non-strings) or fmt.Sprintln (always spaces, then a newline). */
    private static String sprint(List<Object> args, boolean line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean bothNonStrings = i > 0 && !(args.get(i - 1) instanceof StringValue) && !(args.get(i) instanceof StringValue);
            if (i > 0 && (line || bothNonStrings)) {
                text.append(' ');
            }
            text.append(print(args.get(i)));
        }
        return line ? text.append('\n').toString() : text.toString();
    }

    /** Returns whether Go's templates treat the value as true: not false, zero, nil or empty. */
    static boolean isTrue(Object value) {
        if (value == null || value == UNDEFINED || value instanceof NullValue) {
            return false;
        }
        if (value instanceof BooleanValue b) {
            return b.value();
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof NumberValue n) {
            return n.bigDecimal().signum() != 0;
        }
        if (value instanceof StringValue s) {
            return !s.value().isEmpty();
        }
        if (value instanceof ArrayValue a) {
            return a.size() > 0;
        }
        if (value instanceof SetValue s) {
            return s.size() > 0;
        }
        return ((ObjectValue) value).size() > 0;
    }

    /** Prints a value as fmt.Print prints the Go value that JSON decoding produces. */
    static String print(Object value) {
        if (value == null || value instanceof NullValue) {
            return "<no value>";
        }
        if (value == UNDEFINED) {
            return value.toString();
        }
        if (value instanceof Long l) {
            return l.toString();
        }
        if (value instanceof StringValue s) {
            return s.value();
        }
        if (value instanceof NumberValue n) {
            return GoFloatFormat.format(n.doubleValue(), 'g', -1);
        }
        if (value instanceof BooleanValue b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof ArrayValue || value instanceof SetValue) {
            List<Value> elements = value instanceof ArrayValue a ? a.elements() : new ArrayList<>(((SetValue) value).elements());
            List<String> parts = new ArrayList<>();
            elements.forEach(e -> parts.add(print(e)));
            return "[" + String.join(" ", parts) + "]";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Value, Value> entry : ((ObjectValue) value).entries().entrySet()) {
            parts.add(print(entry.getKey()) + ":" + print(entry.getValue()));
        }
        return "map[" + String.join(" ", parts) + "]";
    }

    static String goType(Object value) {
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof NumberValue) {
            return "float64";
        }
        if (value instanceof StringValue) {
            return "string";
        }
        if (value instanceof BooleanValue) {
            return "bool";
        }
        if (value instanceof ObjectValue) {
            return "map[string]interface {}";
        }
        return "[]interface {}";
    }
}
