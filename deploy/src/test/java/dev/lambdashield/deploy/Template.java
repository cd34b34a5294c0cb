package dev.lambdashield.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read access to a loaded CloudFormation template (long-form intrinsics, see {@link CloudFormationYaml}). */
final class Template {

    /** A {@code ${...}} reference in an {@code Fn::Sub} string; {@code ${!...}} is a literal and not matched. */
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(?!!)([^}]+)}");

    private final Map<String, Object> root;

    Template(Map<String, Object> root) {
        this.root = root;
    }

    static Template load() {
        return new Template(DeployFiles.template());
    }

    Map<String, Object> section(String name) {
        Object section = root.get(name);
        return section == null ? Map.of() : asMap(section, name);
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return asMap(resource, logicalId);
    }

    String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    Map<String, Object> properties(String logicalId) {
        Object properties = resource(logicalId).get("Properties");
        return properties == null ? Map.of() : asMap(properties, logicalId + ".Properties");
    }

    /** Logical ids of the resources of this type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(asMap(resource, id).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Calls {@code visitor} with each mapping in the template and its path, depth first. */
    void forEachMapping(BiConsumer<String, Map<String, Object>> visitor) {
        walk("", root, visitor);
    }

    /** Returns the variables an {@code Fn::Sub} string references, without {@code ${!literal}} escapes. */
    static List<String> subVariables(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).trim());
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new AssertionError(where + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value, String where) {
        if (!(value instanceof List)) {
            throw new AssertionError(where + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    /** Returns a value as a list: a list stays, null becomes empty, any other value a one-element list. */
    @SuppressWarnings("unchecked")
    static List<Object> listOf(Object value) {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        if (value == null) {
            return List.of();
        }
        return List.of(value);
    }

    @SuppressWarnings("unchecked")
    private static void walk(String path, Object value, BiConsumer<String, Map<String, Object>> visitor) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> mapping = new LinkedHashMap<>((Map<String, Object>) map);
            visitor.accept(path, mapping);
            mapping.forEach((key, child) -> walk(path + "/" + key, child, visitor));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "/" + i, list.get(i), visitor);
            }
        }
    }
}
