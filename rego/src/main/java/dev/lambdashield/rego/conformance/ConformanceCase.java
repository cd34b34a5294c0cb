package dev.lambdashield.rego.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

/**
 * One case of OPA's conformance suite in its JSON form: modules, data, input, a query, and
 * either the expected result set or the expected error.
 *
 * @param folder     the category folder the case file lies in, e.g. {@code withkeyword}
 * @param wantResult the expected solutions, or null when an error is expected
 */
public record ConformanceCase(String note, Path file, String folder, List<String> modules, JsonNode data,
                              JsonNode input, String inputTerm, String query, JsonNode wantResult,
                              String wantErrorCode, String wantError, boolean strictError, boolean sortBindings) {

    public ConformanceCase {
        modules = List.copyOf(modules);
    }
}
