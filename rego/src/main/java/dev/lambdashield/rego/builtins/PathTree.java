package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths given to {@code json.filter} and {@code json.remove}, merged into a tree. A path is a
 * string such as {@code "a/b/0"} or an array of segments such as {@code ["a", "b", 0]}. A path that
 * ends at a node covers everything below it, so {@code "a"} wins over {@code "a/b"}.
 */
final class PathTree {

    private final Map<Value, PathTree> children = new LinkedHashMap<>();
    private boolean leaf;

    /** Builds the tree from operand {@code index}, a set or array of paths. */
    static PathTree fromOperand(List<Value> args, int index) {
        Value operand = args.get(index);
        Collection<Value> paths;
        if (operand instanceof SetValue s) {
            paths = s.elements();
        } else if (operand instanceof ArrayValue a) {
            paths = a.elements();
        } else {
            throw Args.wrongType(args, index, "set", "array");
        }
        PathTree root = new PathTree();
        for (Value path : paths) {
            root.add(segments(path, index));
        }
        return root;
    }

    private static List<Value> segments(Value path, int index) {
        if (path instanceof StringValue s) {
            String text = s.value().startsWith("/") ? s.value().substring(1) : s.value();
            List<Value> segments = new ArrayList<>();
            for (String part : text.split("/", -1)) {
                segments.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
            }
            return segments;
        }
        if (path instanceof ArrayValue a) {
            return a.elements();
        }
        throw new BuiltinException(ErrorCode.EVAL_TYPE, "operand " + (index + 1)
                + " must be one of {set, array} containing string paths or array of path segments but got "
                + path.typeName(), false);
    }

    private void add(List<Value> path) {
        PathTree node = this;
        for (Value segment : path) {
            if (node.leaf) {
                return;
            }
            node = node.children.computeIfAbsent(segment, s -> new PathTree());
        }
        node.leaf = true;
        node.children.clear();
    }

    /** Keeps only the parts of {@code value} that the tree's paths reach; null when nothing is kept. */
    Value filter(Value value) {
        if (leaf) {
            return value;
        }
        if (value instanceof ObjectValue object) {
            ObjectValue.Builder kept = ObjectValue.builder();
            for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
                PathTree child = childFor(entry.getKey());
                Value filtered = child == null ? null : child.filter(entry.getValue());
                if (filtered != null) {
                    kept.put(entry.getKey(), filtered);
                }
            }
            return kept.build();
        }
        if (value instanceof ArrayValue array) {
            List<Value> kept = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                PathTree child = childFor(NumberValue.of(i));
                Value filtered = child == null ? null : child.filter(array.get(i));
                if (filtered != null) {
                    kept.add(filtered);
                }
            }
            return ArrayValue.of(kept);
        }
        if (value instanceof SetValue set) {
            SetValue.Builder kept = SetValue.builder();
            for (Value element : set.elements()) {
                PathTree child = childFor(element);
                Value filtered = child == null ? null : child.filter(element);
                if (filtered != null) {
                    kept.add(filtered);
                }
            }
            return kept.build();
        }
        return null;
    }

    /** Removes the parts of {@code value} that the tree's paths reach; null when all of it goes. */
    Value remove(Value value) {
        if (leaf) {
            return null;
        }
        if (value instanceof ObjectValue object) {
            ObjectValue.Builder kept = ObjectValue.builder();
            for (Map.Entry<Value, Value> entry : object.entries().entrySet()) {
                PathTree child = childFor(entry.getKey());
                Value rest = child == null ? entry.getValue() : child.remove(entry.getValue());
                if (rest != null) {
                    kept.put(entry.getKey(), rest);
                }
            }
            return kept.build();
        }
        if (value instanceof ArrayValue array) {
            List<Value> kept = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                PathTree child = childFor(NumberValue.of(i));
                Value rest = child == null ? array.get(i) : child.remove(array.get(i));
                if (rest != null) {
                    kept.add(rest);
                }
            }
            return ArrayValue.of(kept);
        }
        if (value instanceof SetValue set) {
            SetValue.Builder kept = SetValue.builder();
            for (Value element : set.elements()) {
                PathTree child = childFor(element);
                Value rest = child == null ? element : child.remove(element);
                if (rest != null) {
                    kept.add(rest);
                }
            }
            return kept.build();
        }
        return value;
    }

    /** Finds the subtree for a key; a number key also matches its decimal string, as path strings hold no numbers. */
    private PathTree childFor(Value key) {
        PathTree child = children.get(key);
        if (child == null && key instanceof NumberValue n) {
            child = children.get(StringValue.of(n.toString()));
        }
        return child;
    }
}
