package dev.lambdashield.rules.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.RetryPolicy;
import dev.lambdashield.rules.aws.SdkConfigApi;
import dev.lambdashield.rules.testutils.ConfigServer;
import dev.lambdashield.rules.testutils.Fixtures;
import dev.lambdashield.rules.testutils.RecordingSleeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.lambdashield.rules.testutils.ConfigServer.error;
import static dev.lambdashield.rules.testutils.ConfigServer.ok;
import static dev.lambdashield.rules.testutils.ConfigServer.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemCollectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FUNCTIONS = Set.of("AWS::Lambda::Function");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static ConfigServer server;
    private RecordingSleeper sleeper;

    @BeforeAll
    static void startServer() {
        server = new ConfigServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void start() {
        server.reset();
        sleeper = new RecordingSleeper();
    }

    private ItemCollector collector(Deadline deadline) {
        Retry retry = new Retry(RetryPolicy.DEFAULT, deadline, sleeper, 3);
        return new ItemCollector(new SdkConfigApi(server.clients().config(), retry, DryRun.off()), retry,
                Duration.ofSeconds(5));
    }

    private static RuleEvent event(String fixture) {
        return EventParser.parse(Fixtures.event(fixture));
    }

    @Test
    void changeNotification_itemNormalized() {
        CollectedItems collected = collector(Deadline.none()).collect(event("change-noncompliant"), FUNCTIONS, NOW);

        assertEquals(1, collected.items().size());
        EventItem item = collected.items().get(0);
        assertEquals("billing-webhook", item.resourceId());
        assertEquals(Instant.parse("2026-12-01T09:02:13.004Z"), item.orderingTimestamp());
        assertNull(item.notApplicableReason());
        JsonNode policy = item.item().get("supplementaryConfiguration").get("Policy");
        assertTrue(policy.isObject(), "Policy is parsed from its JSON string");
        assertEquals("*", policy.get("Statement").get(0).get("Principal").asText());
        assertTrue(server.server().getAllServeEvents().isEmpty());
    }

    @Test
    void oversized_fetchesHistoryAtCaptureTime() throws Exception {
        server.stub("GetResourceConfigHistory", ok(Fixtures.awsResponse("oversized", "GetResourceConfigHistory")));

        CollectedItems collected = collector(Deadline.none()).collect(event("oversized"), FUNCTIONS, NOW);

        JsonNode request = JSON.readTree(server.requests("GetResourceConfigHistory").get(0).getBodyAsString());
        assertEquals("AWS::Lambda::Function", request.get("resourceType").asText());
        assertEquals("media-transcoder", request.get("resourceId").asText());
        assertEquals(1, request.get("limit").asInt());
        assertEquals(Instant.parse("2026-12-01T10:30:00Z").getEpochSecond(), request.get("laterTime").asLong());
        JsonNode item = collected.items().get(0).item();
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:media-transcoder", item.get("ARN").asText());
        assertEquals("123456789012", item.get("awsAccountId").asText());
        assertEquals("1.3", item.get("configurationItemVersion").asText());
        assertEquals("PassThrough", item.get("configuration").get("tracingConfig").get("mode").asText());
        assertEquals(new BigInteger("9007199254740993"), item.get("configuration").get("codeSize").bigIntegerValue());
        assertEquals("Is associated with ", item.get("relationships").get(0).get("name").asText());
        assertTrue(item.get("supplementaryConfiguration").get("Policy").isObject());
        assertEquals(Instant.parse("2026-12-01T10:30:00Z"), collected.items().get(0).orderingTimestamp());
    }

    @Test
    void oversized_emptyHistory_fails() {
        server.stub("GetResourceConfigHistory", ok("{\"configurationItems\":[]}"));

        EventException e = assertThrows(EventException.class,
                () -> collector(Deadline.none()).collect(event("oversized"), FUNCTIONS, NOW));

        assertEquals("resource_not_found", e.code());
    }

    @Test
    void periodic_listsBatchesAndMarksGone() throws Exception {
        server.stub("ListDiscoveredResources", ok(Fixtures.awsResponse("periodic", "ListDiscoveredResources")));
        server.stub("BatchGetResourceConfig", ok(Fixtures.awsResponse("periodic", "BatchGetResourceConfig")));
        server.stub("GetComplianceDetailsByConfigRule",
                ok(Fixtures.awsResponse("periodic", "GetComplianceDetailsByConfigRule")));

        CollectedItems collected = collector(Deadline.none()).collect(event("periodic"), FUNCTIONS, NOW);

        assertTrue(collected.complete());
        List<EventItem> items = collected.items();
        assertEquals(List.of("orders-api", "legacy-cron", "retired-report-job"),
                items.stream().map(EventItem::resourceId).toList());
        assertNull(items.get(0).notApplicableReason());
        assertEquals("resource no longer recorded", items.get(2).notApplicableReason());
        Instant notified = Instant.parse("2026-12-01T08:15:42.311Z");
        items.forEach(i -> assertEquals(notified, i.orderingTimestamp()));
        JsonNode list = JSON.readTree(server.requests("ListDiscoveredResources").get(0).getBodyAsString());
        assertEquals("AWS::Lambda::Function", list.get("resourceType").asText());
        assertEquals(100, list.get("limit").asInt());
        JsonNode batch = JSON.readTree(server.requests("BatchGetResourceConfig").get(0).getBodyAsString());
        assertEquals(2, batch.get("resourceKeys").size());
        JsonNode compliance = JSON.readTree(server.requests("GetComplianceDetailsByConfigRule").get(0)
                .getBodyAsString());
        assertEquals("lambda-shield-functions", compliance.get("ConfigRuleName").asText());
        assertEquals(3, collected.calls());
    }

    @Test
    void periodic_paginatesAndRetriesUnprocessedKeys() throws Exception {
        server.server().stubFor(operation("ListDiscoveredResources").inScenario("pages")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("page2")
                .willReturn(ok(page("fn-a", "fn-b") + ",\"nextToken\":\"t2\"}")));
        server.server().stubFor(operation("ListDiscoveredResources").inScenario("pages")
                .whenScenarioStateIs("page2").willReturn(ok(page("fn-c") + "}")));
        server.server().stubFor(operation("BatchGetResourceConfig").inScenario("batch")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("rest")
                .willReturn(ok("{\"baseConfigurationItems\":[" + base("fn-a") + "],\"unprocessedResourceKeys\":"
                        + "[{\"resourceType\":\"AWS::Lambda::Function\",\"resourceId\":\"fn-b\"}]}")));
        server.server().stubFor(operation("BatchGetResourceConfig").inScenario("batch")
                .whenScenarioStateIs("rest").willSetStateTo("last")
                .willReturn(ok("{\"baseConfigurationItems\":[" + base("fn-b") + "],\"unprocessedResourceKeys\":[]}")));
        server.server().stubFor(operation("BatchGetResourceConfig").inScenario("batch")
                .whenScenarioStateIs("last")
                .willReturn(ok("{\"baseConfigurationItems\":[" + base("fn-c") + "],\"unprocessedResourceKeys\":[]}")));
        server.stub("GetComplianceDetailsByConfigRule", ok("{\"EvaluationResults\":[]}"));

        CollectedItems collected = collector(Deadline.none()).collect(event("periodic"), FUNCTIONS, NOW);

        assertEquals(List.of("fn-a", "fn-b", "fn-c"), collected.items().stream().map(EventItem::resourceId).toList());
        JsonNode second = JSON.readTree(server.requests("ListDiscoveredResources").get(1).getBodyAsString());
        assertEquals("t2", second.get("nextToken").asText());
        JsonNode retried = JSON.readTree(server.requests("BatchGetResourceConfig").get(1).getBodyAsString());
        assertEquals(1, retried.get("resourceKeys").size());
        assertEquals("fn-b", retried.get("resourceKeys").get(0).get("resourceId").asText());
        assertEquals(1, sleeper.waits().size());
    }

    @Test
    void periodic_lowTime_stopsWithoutMarkingGone() {
        server.stub("ListDiscoveredResources", ok(Fixtures.awsResponse("periodic", "ListDiscoveredResources")));
        Deadline almostOver = () -> Duration.ofSeconds(1);

        CollectedItems collected = collector(almostOver).collect(event("periodic"), FUNCTIONS, NOW);

        assertFalse(collected.complete());
        assertTrue(collected.items().isEmpty());
        assertTrue(server.requests("GetComplianceDetailsByConfigRule").isEmpty());
    }

    @Test
    void periodic_throttledListing_retried() {
        server.server().stubFor(operation("ListDiscoveredResources").inScenario("t")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(error(400, "ThrottlingException")));
        server.server().stubFor(operation("ListDiscoveredResources").inScenario("t").whenScenarioStateIs("ok")
                .willReturn(ok("{\"resourceIdentifiers\":[]}")));
        server.stub("GetComplianceDetailsByConfigRule", ok("{\"EvaluationResults\":[]}"));

        CollectedItems collected = collector(Deadline.none()).collect(event("periodic"), FUNCTIONS, NOW);

        assertTrue(collected.complete());
        assertEquals(2, server.requests("ListDiscoveredResources").size());
    }

    @Test
    void periodic_accessDenied_failsLoudly() {
        server.stub("ListDiscoveredResources", error(400, "AccessDeniedException"));

        AwsCallException e = assertThrows(AwsCallException.class,
                () -> collector(Deadline.none()).collect(event("periodic"), FUNCTIONS, NOW));

        assertEquals("ListDiscoveredResources", e.operation());
    }

    private static String page(String... ids) {
        StringBuilder json = new StringBuilder("{\"resourceIdentifiers\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"resourceType\":\"AWS::Lambda::Function\",\"resourceId\":\"")
                    .append(ids[i]).append("\",\"resourceName\":\"").append(ids[i]).append("\"}");
        }
        return json.append("]").toString();
    }

    private static String base(String id) {
        return "{\"version\":\"1.3\",\"accountId\":\"123456789012\",\"configurationItemCaptureTime\":1764540000.0,"
                + "\"configurationItemStatus\":\"OK\",\"arn\":\"arn:aws:lambda:us-east-1:123456789012:function:" + id
                + "\",\"resourceType\":\"AWS::Lambda::Function\",\"resourceId\":\"" + id + "\",\"resourceName\":\""
                + id + "\",\"awsRegion\":\"us-east-1\",\"configuration\":\"{\\\"functionName\\\":\\\"" + id
                + "\\\",\\\"tracingConfig\\\":{\\\"mode\\\":\\\"Active\\\"}}\",\"supplementaryConfiguration\":{}}";
    }
}
