package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies RFC 6902 JSON Patch operations to immutable values. Beyond JSON, a path segment may address
 * a set element by its value, and a path may be an array of segments instead of a JSON Pointer string.
 */
final class JsonPatch {

    /** A patch operation that cannot be applied; {@code json.patch} is then undefined. */
    static final class PatchFailure extends Exception {
        private static final long serialVersionUID = 1L;

        PatchFailure(String message) {
            super(message, null, false, false);
        }
    }

    private JsonPatch() {
    }

    /** Applies every operation in order and returns the patched document. */
    static Value apply(Value document, List<Value> operations) throws PatchFailure {
        Value current = document;
        for (Value operation : operations) {
            if (!(operation instanceof ObjectValue op)) {
                throw new PatchFailure("patch operation must be an object but got " + operation.typeName());
            }
            current = applyOne(current, op);
        }
        return current;
    }

    private static Value applyOne(Value document, ObjectValue op) throws PatchFailure {
        Value name = op.get("op");
        if (!(name instanceof StringValue opName)) {
            throw new PatchFailure("missing 'op' parameter");
        }
        List<Value> path = pointer(op, "path");
        switch (opName.value()) {
            case "add":
                return update(document, path, 0, Leaf.ADD, requiredValue(op));
            case "remove":
                return update(document, path, 0, Leaf.REMOVE, null);
            case "replace":
                return update(document, path, 0, Leaf.REPLACE, requiredValue(op));
            case "move": {
                List<Value> from = pointer(op, "from");
                Value moved = get(document, from);
                return update(update(document, from, 0, Leaf.REMOVE, null), path, 0, Leaf.ADD, moved);
            }
            case "copy": {
                Value copied = get(document, pointer(op, "from"));
                return update(document, path, 0, Leaf.ADD, copied);
            }
            case "test": {
                Value expected = requiredValue(op);
                if (!get(document, path).equals(expected)) {
                    throw new PatchFailure("test failed");
                }
                return document;
            }
            default:
                throw new PatchFailure("unrecognized op " + opName);
        }
    }

    private static Value requiredValue(ObjectValue op) throws PatchFailure {
        Value value = op.get("value");
        if (value == null) {
            throw new PatchFailure("missing 'value' parameter");
        }
        return value;
    }

    /** Reads a path member: a JSON Pointer string (the leading slash is optional) or an array of segments. */
    private static List<Value> pointer(ObjectValue op, String member) throws PatchFailure {
        Value path = op.get(member);
        if (path instanceof ArrayValue a) {
            return a.elements();
        }
        if (!(path instanceof StringValue s)) {
            throw new PatchFailure("missing or invalid '" + member + "' parameter");
        }
        List<Value> segments = new ArrayList<>();
        if (s.value().isEmpty()) {
            return segments;
        }
        String text = s.value().startsWith("/") ? s.value().substring(1) : s.value();
        for (String part : text.split("/", -1)) {
            segments.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
        }
        return segments;
    }

    private enum Leaf { ADD, REMOVE, REPLACE }

    private static Value get(Value document, List<Value> path) throws PatchFailure {
        Value node = document;
        for (Value segment : path) {
            node = child(node, segment);
            if (node == null) {
                throw new PatchFailure("missing 'from' location");
            }
        }
        return node;
    }

    private static Value child(Value node, Value segment) throws PatchFailure {
        if (node instanceof ObjectValue object) {
            return object.get(segment);
        }
        if (node instanceof ArrayValue array) {
            int index = index(segment, array.size(), false);
            return index < array.size() ? array.get(index) : null;
        }
        if (node instanceof SetValue set) {
            return set.contains(segment) ? segment : null;
        }
        return null;
    }

    private static Value update(Value node, List<Value> path, int depth, Leaf leaf, Value value) throws PatchFailure {
        if (path.isEmpty()) {
            if (leaf == Leaf.REMOVE) {
                throw new PatchFailure("cannot remove the whole document");
            }
            return value;
        }
        Value segment = path.get(depth);
        if (depth == path.size() - 1) {
            return applyLeaf(node, segment, leaf, value);
        }
        Value child = child(node, segment);
        if (child == null) {
            throw new PatchFailure("path does not exist");
        }
        return withChild(node, segment, update(child, path, depth + 1, leaf, value));
    }

    private static Value withChild(Value node, Value segment, Value newChild) throws PatchFailure {
        if (node instanceof ObjectValue object) {
            TreeMap<Value, Value> entries = new TreeMap<>(object.entries());
            entries.put(segment, newChild);
            return ObjectValue.of(entries);
        }
        if (node instanceof ArrayValue array) {
            List<Value> elements = new ArrayList<>(array.elements());
            elements.set(index(segment, array.size(), false), newChild);
            return ArrayValue.of(elements);
        }
        TreeSet<Value> elements = new TreeSet<>(((SetValue) node).elements());
        elements.remove(segment);
        elements.add(newChild);
        return SetValue.of(elements);
    }

    private static Value applyLeaf(Value node, Value segment, Leaf leaf, Value value) throws PatchFailure {
        if (node instanceof ObjectValue object) {
            return applyToObject(object, segment, leaf, value);
        }
        if (node instanceof ArrayValue array) {
            return applyToArray(array, segment, leaf, value);
        }
        if (node instanceof SetValue set) {
            return applyToSet(set, segment, leaf, value);
        }
        throw new PatchFailure("cannot address a member of a " + node.typeName());
    }

    private static Value applyToObject(ObjectValue object, Value key, Leaf leaf, Value value) throws PatchFailure {
        TreeMap<Value, Value> entries = new TreeMap<>(object.entries());
        if (leaf != Leaf.ADD && !entries.containsKey(key)) {
            throw new PatchFailure("object member does not exist");
        }
        if (leaf == Leaf.REMOVE) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
        return ObjectValue.of(entries);
    }

    private static Value applyToArray(ArrayValue array, Value segment, Leaf leaf, Value value) throws PatchFailure {
        List<Value> elements = new ArrayList<>(array.elements());
        int index = index(segment, elements.size(), leaf == Leaf.ADD);
        if (leaf == Leaf.ADD) {
            if (index > elements.size()) {
                throw new PatchFailure("index is greater than number of items in array");
            }
            elements.add(index, value);
        } else {
            if (index >= elements.size()) {
                throw new PatchFailure("index out of range");
            }
            if (leaf == Leaf.REMOVE) {
                elements.remove(index);
            } else {
                elements.set(index, value);
            }
        }
        return ArrayValue.of(elements);
    }

    private static Value applyToSet(SetValue set, Value element, Leaf leaf, Value value) throws PatchFailure {
        TreeSet<Value> elements = new TreeSet<>(set.elements());
        if (leaf == Leaf.ADD) {
            if (!element.equals(value)) {
                throw new PatchFailure("a set element's path segment must equal the value added");
            }
            elements.add(value);
        } else {
            if (!elements.remove(element)) {
                throw new PatchFailure("set element does not exist");
            }
            if (leaf == Leaf.REPLACE) {
                elements.add(value);
            }
        }
        return SetValue.of(elements);
    }

    /** Parses an array index: digits without leading zeros, or "-" for the end when appending. */
    private static int index(Value segment, int size, boolean appending) throws PatchFailure {
        if (segment instanceof NumberValue n) {
            return n.intValue().filter(i -> i >= 0).orElseThrow(() -> new PatchFailure("invalid array index " + n));
        }
        if (!(segment instanceof StringValue s)) {
            throw new PatchFailure("invalid array index " + segment);
        }
        String text = s.value();
        if (appending && text.equals("-")) {
            return size;
        }
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || text.length() > 1 && text.charAt(0) == '0') {
            throw new PatchFailure("invalid array index " + dev.lambdashield.rego.value.ValueJson.quote(text));
        }
        return Integer.parseInt(text);
    }
}
