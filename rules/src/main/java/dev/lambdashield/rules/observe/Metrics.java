package dev.lambdashield.rules.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Collects one invocation's metrics and writes them as CloudWatch Embedded Metric Format lines: one JSON object
 * per dimension set, with an {@code _aws} member whose {@code CloudWatchMetrics} directive names the namespace,
 * the dimension keys and each metric's unit, and the values as top-level members. CloudWatch Logs turns these
 * log lines into metrics, so no CloudWatch API call is made.
 *
 * <p>Counts with the same name and dimensions are summed; timings are kept as value arrays of at most 100
 * values, the EMF limit, splitting into further lines beyond that.
 *
 * <p>NOTE: the aws-embedded-metrics library (4.2.0 resolves from Maven Central) is not used. It detects its
 * environment at start-up and ships an EC2 environment that fetches instance metadata, which must never be
 * contacted here, and it adds classes to cold start. The format is small enough to write directly.
 */
public final class Metrics {

    /** Dimension names. */
    public static final String RULE = "ConfigRuleName";
    public static final String COMPLIANCE_TYPE = "ComplianceType";
    public static final String POLICY_ID = "PolicyId";
    public static final String SEVERITY = "Severity";
    public static final String SINK = "Sink";

    static final int MAX_VALUES_PER_METRIC = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;
    private final Map<String, String> baseDimensions;
    private final Clock clock;
    private final Consumer<String> output;
    // dimension set (sorted) -> metric -> values
    private final Map<Map<String, String>, Map<MetricName, List<Double>>> values = new LinkedHashMap<>();

    /**
     * @param baseDimensions dimensions every metric carries, e.g. the rule name
     * @param output         receives each EMF line; normally the log output
     */
    public Metrics(String namespace, Map<String, String> baseDimensions, Clock clock, Consumer<String> output) {
        this.namespace = namespace;
        this.baseDimensions = new TreeMap<>(baseDimensions);
        this.clock = clock;
        this.output = output;
    }

    /** Metrics written to the JSON log output. */
    public static Metrics toLog(String namespace, Map<String, String> baseDimensions, Clock clock) {
        return new Metrics(namespace, baseDimensions, clock, line -> {
            PrintStream out = JsonLogOutput.stream();
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
    }

    /** Adds {@code value} to a count with the base dimensions plus {@code dimensions}. */
    public synchronized void add(MetricName metric, double value, Map<String, String> dimensions) {
        Map<String, String> key = new TreeMap<>(baseDimensions);
        key.putAll(dimensions);
        List<Double> list = values.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(metric, m -> new ArrayList<>());
        if (metric.unit() == MetricName.Unit.COUNT && !list.isEmpty()) {
            list.set(0, list.get(0) + value);
        } else {
            list.add(value);
        }
    }

    public void add(MetricName metric, double value) {
        add(metric, value, Map.of());
    }

    /** Writes everything collected and starts empty. */
    public synchronized void flush() {
        long timestamp = clock.millis();
        for (Map.Entry<Map<String, String>, Map<MetricName, List<Double>>> set : values.entrySet()) {
            for (int chunk = 0; ; chunk++) {
                ObjectNode line = line(timestamp, set.getKey(), set.getValue(), chunk);
                if (line == null) {
                    break;
                }
                output.accept(line.toString());
            }
        }
        values.clear();
    }

    /** The EMF line for one dimension set and the {@code chunk}-th group of 100 values; null when none is left. */
    private ObjectNode line(long timestamp, Map<String, String> dimensions, Map<MetricName, List<Double>> metrics,
                            int chunk) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode directive = JSON.createObjectNode();
        directive.put("Namespace", namespace);
        ArrayNode dimensionSets = directive.putArray("Dimensions");
        ArrayNode keys = dimensionSets.addArray();
        dimensions.keySet().forEach(keys::add);
        ArrayNode definitions = directive.putArray("Metrics");
        boolean any = false;
        for (Map.Entry<MetricName, List<Double>> metric : metrics.entrySet()) {
            List<Double> all = metric.getValue();
            int from = chunk * MAX_VALUES_PER_METRIC;
            if (from >= all.size()) {
                continue;
            }
            any = true;
            List<Double> part = all.subList(from, Math.min(all.size(), from + MAX_VALUES_PER_METRIC));
            ObjectNode definition = definitions.addObject();
            definition.put("Name", metric.getKey().metricName());
            definition.put("Unit", metric.getKey().unit().emfName());
            if (part.size() == 1) {
                root.put(metric.getKey().metricName(), part.get(0));
            } else {
                ArrayNode array = root.putArray(metric.getKey().metricName());
                part.forEach(array::add);
            }
        }
        if (!any) {
            return null;
        }
        dimensions.forEach(root::put);
        ObjectNode aws = JSON.createObjectNode();
        aws.put("Timestamp", timestamp);
        aws.putArray("CloudWatchMetrics").add(directive);
        root.set("_aws", aws);
        return root;
    }
}
