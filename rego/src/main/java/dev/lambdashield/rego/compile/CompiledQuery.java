package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Body;

import java.util.Map;

/**
 * A compiled query: its reordered body and the variables it reports, mapping each variable's
 * name in the body to the name written in the query.
 */
public record CompiledQuery(Body body, Map<String, String> outputVars) {

    public CompiledQuery {
        outputVars = Map.copyOf(outputVars);
    }
}
