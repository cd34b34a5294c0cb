package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.anyOf;
import static dev.lambdashield.rego.types.Types.arrayOf;
import static dev.lambdashield.rego.types.Types.objectOf;
import static dev.lambdashield.rego.types.Types.setOf;

/**
 * Graph built-ins over an adjacency object: each key is a node and its value an array or set of
 * neighbors. A neighbor that is not a key of the object is not part of the graph.
 */
public final class GraphBuiltins implements BuiltinFamily {

    private static final String CATEGORY = "graph";

    @Override
    public void registerInto(BuiltinRegistry registry) {
        var graph = objectOf(ANY, anyOf(arrayOf(ANY), setOf(ANY)));
        var initial = anyOf(arrayOf(ANY), setOf(ANY));
        registry.register(function("graph.reachable", CATEGORY, "Computes the set of nodes reachable from the initial nodes.",
                setOf(ANY), arg("graph", graph), arg("initial", initial)), GraphBuiltins::reachable);
        registry.register(function("graph.reachable_paths", CATEGORY, "Computes the set of paths reachable from the initial nodes.",
                setOf(arrayOf(ANY)), arg("graph", graph), arg("initial", initial)), GraphBuiltins::reachablePaths);
    }

    private static Value reachable(BuiltinContext context, List<Value> args) {
        ObjectValue graph = Args.object(args, 0);
        Deque<Value> queue = new ArrayDeque<>(vertices(args, 1));
        SetValue.Builder reached = SetValue.builder();
        Set<Value> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Value node = queue.removeFirst();
            Value edges = graph.get(node);
            if (edges == null || !seen.add(node)) {
                continue;
            }
            reached.add(node);
            if (seen.size() % 1024 == 0) {
                context.checkCancelled();
            }
            for (Value neighbor : neighbors(edges)) {
                if (!seen.contains(neighbor)) {
                    queue.addLast(neighbor);
                }
            }
        }
        return reached.build();
    }

    private static Value reachablePaths(BuiltinContext context, List<Value> args) {
        ObjectValue graph = Args.object(args, 0);
        SetValue.Builder paths = SetValue.builder();
        for (Value start : vertices(args, 1)) {
            Value edges = graph.get(start);
            if (edges == null) {
                continue;
            }
            List<Value> firstHops = neighbors(edges);
            if (firstHops.isEmpty()) {
                paths.add(ArrayValue.of(start));
                continue;
            }
            for (Value neighbor : firstHops) {
                Set<Value> reached = new HashSet<>();
                reached.add(start);
                walkPaths(context, graph, neighbor, new Frame(start, null), reached, paths);
            }
        }
        return paths.build();
    }

    /**
     * One node on the current walk. Frames link to their parent, so a path is only copied out when it
     * is recorded, which keeps long chains linear.
     */
    private static final class Frame {
        final Value node;
        final Frame parent;
        final int length;
        Iterator<Value> neighbors;

        Frame(Value node, Frame parent) {
            this.node = node;
            this.parent = parent;
            this.length = parent == null ? 1 : parent.length + 1;
        }

        ArrayValue path() {
            Value[] nodes = new Value[length];
            for (Frame frame = this; frame != null; frame = frame.parent) {
                nodes[frame.length - 1] = frame.node;
            }
            return ArrayValue.of(nodes);
        }
    }

    /**
     * Walks depth-first from {@code root} and records a path wherever the walk stops: at a node without
     * edges, before a node that is not in the graph, or before a node already expanded, as OPA does.
     * The walk keeps its own stack, so a long chain cannot overflow the Java stack.
     */
    private static void walkPaths(BuiltinContext context, ObjectValue graph, Value root, Frame start,
                                  Set<Value> reached, SetValue.Builder paths) {
        Deque<Frame> stack = new ArrayDeque<>();
        enter(graph, root, start, stack, paths);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (!frame.neighbors.hasNext()) {
                stack.pop();
                continue;
            }
            Value neighbor = frame.neighbors.next();
            if (reached.contains(neighbor)) {
                paths.add(frame.path());
                continue;
            }
            reached.add(frame.node);
            if (reached.size() % 1024 == 0) {
                context.checkCancelled();
            }
            enter(graph, neighbor, frame, stack, paths);
        }
    }

    /** Starts visiting a node: pushes it when it has neighbors, otherwise records the path that ends there. */
    private static void enter(ObjectValue graph, Value node, Frame parent, Deque<Frame> stack, SetValue.Builder paths) {
        Value edges = graph.get(node);
        if (edges == null) {
            paths.add(parent.path());
            return;
        }
        Frame visiting = new Frame(node, parent);
        List<Value> next = neighbors(edges);
        if (next.isEmpty()) {
            paths.add(visiting.path());
            return;
        }
        visiting.neighbors = next.iterator();
        stack.push(visiting);
    }

    private static List<Value> vertices(List<Value> args, int index) {
        Value operand = args.get(index);
        if (operand instanceof ArrayValue a) {
            return a.elements();
        }
        if (operand instanceof SetValue s) {
            return new ArrayList<>(s.elements());
        }
        throw Args.wrongType(args, index, "array", "set");
    }

    /** Lists a node's neighbors; a value that is neither an array nor a set (such as null) has none. */
    private static List<Value> neighbors(Value edges) {
        if (edges instanceof ArrayValue a) {
            return a.elements();
        }
        if (edges instanceof SetValue s) {
            return new ArrayList<>(s.elements());
        }
        return List.of();
    }
}
