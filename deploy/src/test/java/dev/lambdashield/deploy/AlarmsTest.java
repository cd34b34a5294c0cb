package dev.lambdashield.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.rules.observe.MetricName;
import dev.lambdashield.rules.observe.Metrics;
import dev.lambdashield.rules.remediate.RemediationSettings;
import dev.lambdashield.rules.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template's alarms, dashboard and environment agree with the metric names and settings the rule uses. */
class AlarmsTest {

    private static final Pattern QUERY = Pattern.compile(
            "SELECT SUM\\((\\w+)\\) FROM SCHEMA\\((\\w+), ([\\w, ]+)\\)( WHERE (\\w+) = '(\\w+)')?( GROUP BY (\\w+))?");

    /**
     * The dimensions each alarmed metric is emitted with: the rule name from the invocation plus the one each
     * caller adds (DecisionLog, OutcomeCounter, the report sinks).
     * NOTE: this table mirrors those callers by hand; a caller that changes its dimensions must change it too.
     */
    private static final Map<MetricName, List<String>> EMITTED_DIMENSIONS = Map.of(
            MetricName.VIOLATIONS, List.of(Metrics.RULE, Metrics.POLICY_ID, Metrics.SEVERITY),
            MetricName.REMEDIATIONS_FAILED, List.of(Metrics.RULE, Metrics.POLICY_ID),
            MetricName.REPORT_FAILURES, List.of(Metrics.RULE, Metrics.SINK),
            MetricName.POLICY_ERRORS, List.of(Metrics.RULE, Metrics.POLICY_ID));

    private static Template template;

    @BeforeAll
    static void load() {
        template = Template.load();
    }

    @Test
    void everyFailureMetricHasAnAlarm() {
        Set<String> alarmed = new TreeSet<>();
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            for (String query : queries(alarm)) {
                alarmed.add(parse(query).group(1));
            }
        }
        Set<String> expected = new TreeSet<>();
        EMITTED_DIMENSIONS.keySet().forEach(metric -> expected.add(metric.metricName()));
        assertEquals(expected, alarmed);
    }

    @Test
    void queriesNameRealMetricsAndDimensions() {
        List<String> checked = new ArrayList<>();
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            for (String query : queries(alarm)) {
                checkQuery(alarm, query);
                checked.add(alarm);
            }
        }
        for (String query : dashboardQueries()) {
            checkQuery("Dashboard", query);
            checked.add("Dashboard");
        }
        assertTrue(checked.size() >= 8, "expected the custom-metric alarms and widgets: " + checked);
    }

    @Test
    void severityAlarmsUseRealSeverities() {
        int checked = 0;
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            for (String query : queries(alarm)) {
                Matcher matcher = parse(query);
                if (matcher.group(5) != null) {
                    assertEquals(Metrics.SEVERITY, matcher.group(5));
                    dev.lambdashield.rules.evaluate.Severity.parse(matcher.group(6));
                    checked++;
                }
            }
        }
        assertEquals(2, checked, "CRITICAL and HIGH violations alarm");
    }

    @Test
    void awsMetricAlarmsWatchOwnResources() {
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> properties = template.properties(alarm);
            assertTrue(properties.containsKey("AlarmActions"), alarm + " notifies nobody");
            for (Object action : Template.listOf(properties.get("AlarmActions"))) {
                Object topic = Template.asMap(action, alarm).get("Ref");
                assertEquals("AWS::SNS::Topic", template.type(String.valueOf(topic)), alarm);
            }
            Object dimensions = properties.get("Dimensions");
            for (Object dimension : Template.listOf(dimensions)) {
                Object value = Template.asMap(dimension, alarm).get("Value");
                assertTrue(value instanceof Map, alarm + " watches a fixed name instead of a template resource");
            }
        }
        Set<String> awsMetrics = new TreeSet<>();
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Object metric = template.properties(alarm).get("MetricName");
            if (metric != null) {
                awsMetrics.add(template.properties(alarm).get("Namespace") + "/" + metric);
            }
        }
        assertTrue(awsMetrics.containsAll(Set.of("AWS/Lambda/Errors", "AWS/Lambda/Throttles", "AWS/Lambda/Duration")),
                "rule errors, throttles and duration alarms: " + awsMetrics);
        assertEquals("p99", template.properties("RuleDurationAlarm").get("ExtendedStatistic"));
    }

    @Test
    void dashboardBodyIsJson() throws Exception {
        JsonNode body = dashboard();
        assertTrue(body.path("widgets").size() >= 5, "expected the dashboard widgets");
    }

    @Test
    void environmentUsesTheRulesSettingNames() {
        Map<String, Object> variables = Template.asMap(Template.asMap(
                template.properties("RuleFunction").get("Environment"), "Environment").get("Variables"), "Variables");
        Set<String> known = new TreeSet<>(List.of(Settings.ENRICHMENT, Settings.METRICS_NAMESPACE,
                RemediationSettings.MODE, RemediationSettings.MAX_STARTS, RemediationSettings.EXEMPTION_TAG,
                RemediationSettings.EXEMPT_FUNCTIONS, RemediationSettings.APPROVAL_STATE_MACHINE_ARN,
                RemediationSettings.AUTOMATION_ROLE_ARN));
        assertEquals(known, new TreeSet<>(variables.keySet()));
        assertEquals("LambdaShield", variables.get(Settings.METRICS_NAMESPACE));
        assertEquals(Map.of("Ref", "RemediationMode"), variables.get(RemediationSettings.MODE));
        assertEquals(Map.of("Ref", "ResponseStateMachine"), variables.get(RemediationSettings.APPROVAL_STATE_MACHINE_ARN));
    }

    @Test
    void remediationModeValuesMatchTheSwitch() {
        List<Object> allowed = Template.asList(Template.asMap(
                template.section("Parameters").get("RemediationMode"), "RemediationMode").get("AllowedValues"), "v");
        for (Object value : allowed) {
            Map<String, String> env = Map.of(RemediationSettings.MODE, String.valueOf(value));
            assertEquals(String.valueOf(value), RemediationSettings.fromEnvironment(env).mode().label(),
                    "the rule must accept RemediationMode " + value);
        }
        assertEquals("dry-run", Template.asMap(template.section("Parameters").get("RemediationMode"), "p").get("Default"));
    }

    private static void checkQuery(String where, String query) {
        Matcher matcher = parse(query);
        MetricName metric = Arrays.stream(MetricName.values())
                .filter(m -> m.metricName().equals(matcher.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": the rule emits no metric " + matcher.group(1)));
        assertEquals("LambdaShield", matcher.group(2), where + ": namespace");
        List<String> schema = List.of(matcher.group(3).split(",\\s*"));
        assertEquals(EMITTED_DIMENSIONS.get(metric), schema,
                where + ": SCHEMA must list exactly the dimensions " + metric + " is emitted with");
    }

    private static Matcher parse(String query) {
        Matcher matcher = QUERY.matcher(query);
        assertTrue(matcher.matches(), "unexpected Metrics Insights query: " + query);
        return matcher;
    }

    private static List<String> queries(String alarm) {
        List<String> queries = new ArrayList<>();
        for (Object metric : Template.listOf(template.properties(alarm).get("Metrics"))) {
            Object expression = Template.asMap(metric, alarm).get("Expression");
            if (expression instanceof String text && text.startsWith("SELECT")) {
                queries.add(text);
            }
        }
        return queries;
    }

    private static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode widget : dashboard().path("widgets")) {
            for (JsonNode row : widget.path("properties").path("metrics")) {
                for (JsonNode entry : row) {
                    if (entry.path("expression").asText().startsWith("SELECT")) {
                        queries.add(entry.path("expression").asText());
                    }
                }
            }
        }
        return queries;
    }

    /** Parses the dashboard body as JSON, with each Fn::Sub variable replaced by a placeholder. */
    private static JsonNode dashboard() {
        List<Object> sub = Template.asList(Template.asMap(
                template.properties("Dashboard").get("DashboardBody"), "DashboardBody").get("Fn::Sub"), "Fn::Sub");
        String body = Template.SUB_VARIABLE.matcher(String.valueOf(sub.get(0))).replaceAll("placeholder");
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("dashboard body is not valid JSON", e);
        }
    }
}
