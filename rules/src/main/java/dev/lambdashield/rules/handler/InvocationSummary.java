package dev.lambdashield.rules.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.evaluate.Compliance;

import java.util.Map;

/** The handler's return value: counts only, no resource data. */
final class InvocationSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InvocationSummary() {
    }

    static String toJson(InvocationResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("requestId", result.requestId());
        node.put("messageType", result.messageType());
        ObjectNode counts = node.putObject("decisions");
        for (Map.Entry<Compliance, Integer> entry : result.counts().entrySet()) {
            counts.put(entry.getKey().name(), entry.getValue());
        }
        node.put("complete", result.complete());
        node.put("skipped", result.skipped());
        return node.toString();
    }
}
