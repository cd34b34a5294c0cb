package dev.lambdashield.rego.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the JSON case files below a directory, in path order. */
public final class CaseLoader {

    private static final Set<String> FIELDS = Set.of("note", "query", "modules", "data", "input", "input_term",
            "want_result", "want_error", "want_error_code", "strict_error", "sort_bindings");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private CaseLoader() {
    }

    /**
     * Loads every case of every {@code .json} file below {@code root}.
     *
     * @throws IOException when a file cannot be read, or is not a case file (with the file named)
     */
    public static List<ConformanceCase> load(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<ConformanceCase> cases = new ArrayList<>();
        for (Path file : files) {
            cases.addAll(loadFile(root, file));
        }
        return cases;
    }

    private static List<ConformanceCase> loadFile(Path root, Path file) throws IOException {
        JsonNode doc = JSON.readTree(file.toFile());
        JsonNode list = doc.get("cases");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": not a conformance case file: expected an object with a \"cases\" array");
        }
        Path relative = root.relativize(file);
        String folder = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        List<ConformanceCase> cases = new ArrayList<>();
        for (JsonNode c : list) {
            c.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException(file + ": unknown case field " + name);
                }
            });
            List<String> modules = new ArrayList<>();
            if (c.has("modules")) {
                c.get("modules").forEach(m -> modules.add(m.asText()));
            }
            cases.add(new ConformanceCase(c.path("note").asText(), file, folder, modules, c.get("data"), c.get("input"),
                    c.has("input_term") ? c.get("input_term").asText() : null, c.path("query").asText(),
                    c.get("want_result"), text(c, "want_error_code"), text(c, "want_error"),
                    c.path("strict_error").asBoolean(false), c.path("sort_bindings").asBoolean(false)));
        }
        return cases;
    }

    private static String text(JsonNode c, String field) {
        JsonNode node = c.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
