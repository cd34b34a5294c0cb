package dev.lambdashield.rules.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final List<String> lines = new ArrayList<>();
    private final Metrics metrics = new Metrics("LambdaShield", Map.of(Metrics.RULE, "rule-a"),
            Clock.fixed(NOW, ZoneOffset.UTC), lines::add);

    @Test
    void counts_summedPerDimensionSet() throws Exception {
        metrics.add(MetricName.EVALUATIONS, 2, Map.of(Metrics.COMPLIANCE_TYPE, "COMPLIANT"));
        metrics.add(MetricName.EVALUATIONS, 3, Map.of(Metrics.COMPLIANCE_TYPE, "COMPLIANT"));
        metrics.add(MetricName.EVALUATIONS, 1, Map.of(Metrics.COMPLIANCE_TYPE, "NON_COMPLIANT"));

        metrics.flush();

        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(5.0, first.get("Evaluations").asDouble());
        assertEquals("COMPLIANT", first.get("ComplianceType").asText());
        assertEquals("rule-a", first.get("ConfigRuleName").asText());
        JsonNode directive = first.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(NOW.toEpochMilli(), first.get("_aws").get("Timestamp").asLong());
        assertEquals("LambdaShield", directive.get("Namespace").asText());
        assertEquals("[[\"ComplianceType\",\"ConfigRuleName\"]]", directive.get("Dimensions").toString());
        assertEquals("Evaluations", directive.get("Metrics").get(0).get("Name").asText());
        assertEquals("Count", directive.get("Metrics").get(0).get("Unit").asText());
    }

    @Test
    void timings_keptAsValuesInChunksOf100() throws Exception {
        for (int i = 0; i < 150; i++) {
            metrics.add(MetricName.EVALUATION_LATENCY, i);
        }

        metrics.flush();

        assertEquals(2, lines.size());
        assertEquals(100, JSON.readTree(lines.get(0)).get("EvaluationLatency").size());
        assertEquals(50, JSON.readTree(lines.get(1)).get("EvaluationLatency").size());
        assertEquals("Milliseconds", JSON.readTree(lines.get(0)).get("_aws").get("CloudWatchMetrics").get(0)
                .get("Metrics").get(0).get("Unit").asText());
    }

    @Test
    void flush_startsEmpty() {
        metrics.add(MetricName.POLICY_ERRORS, 1);
        metrics.flush();
        metrics.flush();

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"PolicyErrors\":1.0"), lines.get(0));
    }
}
