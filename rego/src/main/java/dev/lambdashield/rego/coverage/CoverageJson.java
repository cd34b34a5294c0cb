package dev.lambdashield.rego.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Writes a {@link CoverageReport} in the JSON layout of {@code opa test --coverage}: per file the
 * {@code covered} and {@code not_covered} ranges as {@code {"start": {"row": n}, "end": {"row": m}}},
 * the line counts and {@code coverage} in percent, then the totals.
 */
public final class CoverageJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CoverageJson() {
    }

    public static ObjectNode toJson(CoverageReport report) {
        ObjectNode root = NODES.objectNode();
        ObjectNode files = root.putObject("files");
        for (FileCoverage file : report.files().values()) {
            ObjectNode node = files.putObject(file.file());
            node.set("covered", ranges(file.covered()));
            node.set("not_covered", ranges(file.notCovered()));
            node.put("covered_lines", file.coveredLines());
            node.put("not_covered_lines", file.notCoveredLines());
            node.put("coverage", file.percent());
        }
        root.put("covered_lines", report.coveredLines());
        root.put("not_covered_lines", report.notCoveredLines());
        root.put("coverage", report.percent());
        return root;
    }

    private static ArrayNode ranges(List<LineRange> ranges) {
        ArrayNode out = NODES.arrayNode();
        for (LineRange range : ranges) {
            ObjectNode node = out.addObject();
            node.putObject("start").put("row", range.start());
            node.putObject("end").put("row", range.end());
        }
        return out;
    }
}
