package dev.lambdashield.rego.compile;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The virtual documents by path: each node may hold the rules defined at its path and has
 * children by name. The root is {@code data}.
 */
public final class RuleTree {

    /** One path segment. */
    public static final class Node {
        private final List<String> path;
        private final Map<String, Node> children = new TreeMap<>();
        private RuleSet rules;

        Node(List<String> path) {
            this.path = List.copyOf(path);
        }

        public List<String> path() {
            return path;
        }

        public Map<String, Node> children() {
            return Collections.unmodifiableMap(children);
        }

        public Node child(String name) {
            return children.get(name);
        }

        /** Returns the rules at this path, or null. */
        public RuleSet rules() {
            return rules;
        }

        void setRules(RuleSet set) {
            this.rules = set;
        }

        Node getOrCreate(String name) {
            return children.computeIfAbsent(name, n -> {
                List<String> childPath = new java.util.ArrayList<>(path);
                childPath.add(n);
                return new Node(childPath);
            });
        }

        /** Returns true when this node or a descendant contains rules that are not functions. */
        public boolean hasDocuments() {
            if (rules != null && !rules.isFunction()) {
                return true;
            }
            for (Node c : children.values()) {
                if (c.hasDocuments()) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Node root = new Node(List.of());

    public Node root() {
        return root;
    }

    /** Returns the node at {@code path}, or null. */
    public Node find(List<String> path) {
        Node node = root;
        for (String name : path) {
            node = node.child(name);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    Node getOrCreate(List<String> path) {
        Node node = root;
        for (String name : path) {
            node = node.getOrCreate(name);
        }
        return node;
    }

    public static String pathText(List<String> path) {
        StringBuilder out = new StringBuilder("data");
        for (String name : path) {
            if (isIdentifier(name)) {
                out.append('.').append(name);
            } else {
                out.append("[\"").append(name.replace("\"", "\\\"")).append("\"]");
            }
        }
        return out.toString();
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
