package dev.lambdashield.rules.evaluate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Supplies {@code input.enrichment} for a resource. The rule wires the Lambda and IAM API implementation; with
 * none, policies that declare enrichment are skipped and the skip is reported.
 */
@FunctionalInterface
public interface Enrichment {

    /**
     * Fetches the enrichment members for one configuration item.
     *
     * @param item    the configuration item in notification form
     * @param sources the declared source names needed ({@code function_url}, {@code code_signing},
     *                {@code execution_role})
     * @return a JSON object with one member per source the resource has
     */
    JsonNode fetch(JsonNode item, Set<String> sources);
}
