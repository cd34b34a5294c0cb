package dev.lambdashield.rego.value;

import java.util.Iterator;
import java.util.Map;

/** OPA's total order over values, which sets, object keys and {@code sort} rely on. */
final class ValueOrder {

    private ValueOrder() {
    }

    static int compare(Value left, Value right) {
        if (left == right) {
            return 0;
        }
        int byType = Integer.compare(left.typeOrder(), right.typeOrder());
        if (byType != 0) {
            return byType;
        }
        if (left instanceof BooleanValue b) {
            return Boolean.compare(b.value(), ((BooleanValue) right).value());
        }
        if (left instanceof NumberValue n) {
            return n.compareNumber((NumberValue) right);
        }
        if (left instanceof StringValue s) {
            return compareStrings(s.value(), ((StringValue) right).value());
        }
        if (left instanceof ArrayValue a) {
            return compareSequences(a.elements().iterator(), ((ArrayValue) right).elements().iterator());
        }
        if (left instanceof SetValue s) {
            return compareSequences(s.elements().iterator(), ((SetValue) right).elements().iterator());
        }
        if (left instanceof ObjectValue o) {
            return compareObjects(o, (ObjectValue) right);
        }
        return 0;
    }

    /** Compares by code point, which is the byte order of UTF-8 that OPA's Go strings use. */
    static int compareStrings(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    }

    private static int compareSequences(Iterator<Value> left, Iterator<Value> right) {
        while (left.hasNext() && right.hasNext()) {
            int c = compare(left.next(), right.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    /** Compares key by key in sorted key order, each key before its value, then by size. */
    private static int compareObjects(ObjectValue left, ObjectValue right) {
        Iterator<Map.Entry<Value, Value>> l = left.entries().entrySet().iterator();
        Iterator<Map.Entry<Value, Value>> r = right.entries().entrySet().iterator();
        while (l.hasNext() && r.hasNext()) {
            Map.Entry<Value, Value> le = l.next();
            Map.Entry<Value, Value> re = r.next();
            int byKey = compare(le.getKey(), re.getKey());
            if (byKey != 0) {
                return byKey;
            }
            int byValue = compare(le.getValue(), re.getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Boolean.compare(l.hasNext(), r.hasNext());
    }
}
