package dev.lambdashield.cli.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.cli.CliException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Rego modules and data documents named on a command line: files, or folders searched recursively for
 * {@code .rego}, {@code .json}, {@code .yaml} and {@code .yml} files (hidden folders and {@code target/} are
 * skipped). Each data file contains one object that is merged into {@code data} at the root, as the policy
 * contract defines for {@code policies/data/*.json}.
 *
 * <p>NOTE: this differs from {@code opa}, which loads a data file under the path of its folder; a layout
 * that relies on that needs its data files rewritten with the folder names as top-level keys.
 */
public final class SourceSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> modules = new LinkedHashMap<>();
    private final ObjectNode data = JSON.createObjectNode();
    private final Map<String, String> dataOrigins = new LinkedHashMap<>();

    private SourceSet() {
    }

    /**
     * Loads every path. A path that does not exist, or a data file that is not valid JSON or YAML, is a
     * {@link CliException} naming the file.
     */
    public static SourceSet load(List<String> paths) {
        SourceSet set = new SourceSet();
        for (String path : paths) {
            set.add(Path.of(path), path);
        }
        return set;
    }

    /** Module sources by file name (the path as given on the command line, or below a given folder). */
    public Map<String, String> modules() {
        return modules;
    }

    /** Returns the merged data document, an empty object when no data file was given. */
    public ObjectNode data() {
        return data;
    }

    public boolean hasData() {
        return !dataOrigins.isEmpty();
    }

    private void add(Path path, String displayName) {
        if (!Files.exists(path)) {
            throw new CliException(displayName + ": file or folder not found");
        }
        if (Files.isDirectory(path)) {
            for (Path file : filesUnder(path, displayName)) {
                addFile(file, nameBelow(path, displayName, file));
            }
        } else {
            addFile(path, displayName);
        }
    }

    private static List<Path> filesUnder(Path dir, String displayName) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !inSkippedFolder(dir, file))
                    .filter(file -> kind(file) != null)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CliException(displayName + ": cannot read folder: " + e.getMessage(), e);
        }
    }

    private static boolean inSkippedFolder(Path root, Path file) {
        Path relative = root.relativize(file.getParent() == null ? file : file.getParent());
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") && !name.equals(".") && !name.equals("..") || name.equals("target")) {
                return true;
            }
        }
        return false;
    }

    private static String nameBelow(Path root, String displayName, Path file) {
        String relative = root.relativize(file).toString();
        String prefix = displayName.endsWith("/") ? displayName : displayName + "/";
        return prefix + relative;
    }

    /** Returns "rego", "json" or "yaml" for a file this set loads, otherwise null. */
    private static String kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".rego")) {
            return "rego";
        }
        if (name.endsWith(".json")) {
            return "json";
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "yaml";
        }
        return null;
    }

    private void addFile(Path file, String displayName) {
        String kind = kind(file);
        if (kind == null) {
            throw new CliException(displayName + ": unsupported file type; expected .rego, .json, .yaml or .yml");
        }
        String text = read(file, displayName);
        if (kind.equals("rego")) {
            modules.put(displayName, text);
            return;
        }
        JsonNode document = kind.equals("json") ? parseJson(text, displayName) : parseYaml(text, displayName);
        if (document == null || document.isMissingNode() || document.isNull()) {
            return;
        }
        if (!document.isObject()) {
            throw new CliException(displayName + ": a data file must hold one JSON object, not " + document.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        merge(data, (ObjectNode) document, displayName, "data");
    }

    private static String read(Path file, String displayName) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(displayName + ": cannot read file: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text, reporting a syntax error as {@code file:line:col: invalid JSON: reason}. */
    static JsonNode parseJson(String text, String displayName) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null ? displayName : displayName + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new CliException(where + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads one JSON or YAML document (by file extension), for {@code eval --input}.
     *
     * @throws CliException when the file is missing or does not parse
     */
    public static JsonNode readDocument(Path file) {
        String displayName = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new CliException(displayName + ": file not found");
        }
        String text = read(file, displayName);
        return "yaml".equals(kind(file)) ? parseYaml(text, displayName) : parseJson(text, displayName);
    }

    private static JsonNode parseYaml(String text, String displayName) {
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return JSON.valueToTree(document);
        } catch (RuntimeException e) {
            throw new CliException(displayName + ": invalid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Merges objects key by key; two files giving different non-object values for one key conflict. */
    private void merge(ObjectNode target, ObjectNode source, String file, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String childPath = path + "." + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                target.set(field.getKey(), field.getValue());
                dataOrigins.put(childPath, file);
            } else if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), file, childPath);
            } else if (!existing.equals(field.getValue())) {
                throw new CliException(file + ": " + childPath + " conflicts with the value from "
                        + originOf(childPath));
            }
        }
    }

    private String originOf(String path) {
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, String> origin : dataOrigins.entrySet()) {
            if (path.equals(origin.getKey()) || path.startsWith(origin.getKey() + ".")) {
                candidates.add(origin.getValue());
            }
        }
        return candidates.isEmpty() ? "another data file" : candidates.get(candidates.size() - 1);
    }
}
