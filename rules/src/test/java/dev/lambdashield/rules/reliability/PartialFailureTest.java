package dev.lambdashield.rules.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.handler.InvocationFailedException;
import dev.lambdashield.rules.handler.InvocationResult;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.testutils.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls that succeed for some entries and fail for others: {@code FailedEvaluations} from PutEvaluations,
 * {@code FailedFindings} from BatchImportFindings and {@code unprocessedResourceKeys} from
 * BatchGetResourceConfig. Only the failed entries are sent again; entries that keep failing fail the invocation.
 */
@Timeout(30)
class PartialFailureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINDING_ID =
            "lambda-shield/us-east-1/123456789012/lambda-tracing-active/billing-webhook";
    private static final String LEGACY_CRON_FAILED = "{\"FailedEvaluations\":[{\"ComplianceResourceType\":"
            + "\"AWS::Lambda::Function\",\"ComplianceResourceId\":\"legacy-cron\",\"ComplianceType\":"
            + "\"NON_COMPLIANT\",\"OrderingTimestamp\":1796113697.12}]}";
    private static final String FINDING_FAILED = "{\"FailedCount\":1,\"SuccessCount\":0,\"FailedFindings\":"
            + "[{\"Id\":\"" + FINDING_ID + "\",\"ErrorCode\":\"InternalException\",\"ErrorMessage\":\"try again\"}]}";

    private static AwsStandIn standIn;

    @BeforeAll
    static void start() {
        standIn = new AwsStandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @BeforeEach
    void reset() {
        standIn.reset();
        FaultTarget.stubAllWorking(standIn);
    }

    private static InvocationResult run(FaultTarget target) {
        try (RuleApplication app = standIn.application()) {
            return app.run(target.event(), "req-partial-" + System.nanoTime(), Deadline.none());
        }
    }

    @Test
    void failedEvaluations_onlyFailedOnesResent() {
        standIn.failThenSucceed(() -> AwsStandIn.config(AwsStandIn.PUT_EVALUATIONS), 1,
                AwsStandIn.ok(LEGACY_CRON_FAILED), AwsStandIn.ok("{\"FailedEvaluations\":[]}"));

        InvocationResult result = run(FaultTarget.LIST_DISCOVERED_RESOURCES);

        assertTrue(result.succeeded(), () -> "failures: " + result.failures());
        List<LoggedRequest> puts = standIn.configRequests(AwsStandIn.PUT_EVALUATIONS);
        assertEquals(2, puts.size(), "PutEvaluations calls");
        JsonNode resent = AwsStandIn.json(puts.get(1)).path("Evaluations");
        assertEquals(1, resent.size(), "only the failed evaluation is re-sent");
        assertEquals("legacy-cron", resent.get(0).path("ComplianceResourceId").asText());
        assertEquals("NON_COMPLIANT", resent.get(0).path("ComplianceType").asText());
        assertEquals(FaultTarget.LIST_DISCOVERED_RESOURCES.expectedDecisions(), standIn.reportedCompliance());
    }

    @Test
    void failedEvaluations_persist_invocationFailsNamingResource() {
        standIn.always(AwsStandIn.config(AwsStandIn.PUT_EVALUATIONS), AwsStandIn.ok(LEGACY_CRON_FAILED));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> run(FaultTarget.LIST_DISCOVERED_RESOURCES));

        assertTrue(e.getMessage().contains("PutEvaluations failed for AWS::Lambda::Function legacy-cron"),
                e.getMessage());
        assertFalse(e.getMessage().contains("orders-api"), "accepted evaluations are not failures: " + e.getMessage());
        assertEquals(5, standIn.configRequests(AwsStandIn.PUT_EVALUATIONS).size(),
                "first send plus re-sends of the rejected evaluation");
        assertEquals(2, e.result().outcomes().get(0).delivered(), "evaluations Config accepted");
        assertEquals(FaultTarget.LIST_DISCOVERED_RESOURCES.expectedDecisions(), standIn.reportedCompliance());
    }

    @Test
    void failedFindings_resentById() {
        standIn.failThenSucceed(AwsStandIn::importFindings, 1, AwsStandIn.restOk(FINDING_FAILED),
                FaultTarget.BATCH_IMPORT_FINDINGS.success());

        InvocationResult result = run(FaultTarget.BATCH_IMPORT_FINDINGS);

        assertTrue(result.succeeded(), () -> "failures: " + result.failures());
        List<LoggedRequest> imports = standIn.imports();
        assertEquals(2, imports.size(), "BatchImportFindings calls");
        JsonNode resent = AwsStandIn.json(imports.get(1)).path("Findings");
        assertEquals(1, resent.size());
        assertEquals(FINDING_ID, resent.get(0).path("Id").asText());
        assertEquals("FAILED", resent.get(0).path("Compliance").path("Status").asText());
    }

    @Test
    void failedFindings_persist_invocationFailsNamingFinding() {
        standIn.always(AwsStandIn.importFindings(), AwsStandIn.restOk(FINDING_FAILED));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> run(FaultTarget.BATCH_IMPORT_FINDINGS));

        assertTrue(e.getMessage().contains("SECURITYHUB_FINDING_REJECTED: finding " + FINDING_ID), e.getMessage());
        assertEquals(AwsStandIn.FAST.maxAttempts(), standIn.imports().size(), "import attempts");
        assertEquals(Map.of("billing-webhook", "NON_COMPLIANT"), standIn.reportedCompliance(),
                "Config still gets the evaluation");
    }

    @Test
    void unprocessedKeys_fetchedAgainThenEvaluated() throws Exception {
        JsonNode full = JSON.readTree(Fixtures.awsResponse("periodic", AwsStandIn.BATCH_GET));
        standIn.failThenSucceed(() -> AwsStandIn.config(AwsStandIn.BATCH_GET), 1,
                AwsStandIn.ok(withUnprocessed(full, "legacy-cron").toString()),
                AwsStandIn.ok(onlyItem(full, "legacy-cron").toString()));

        InvocationResult result = run(FaultTarget.BATCH_GET_RESOURCE_CONFIG);

        assertTrue(result.succeeded(), () -> "failures: " + result.failures());
        List<LoggedRequest> gets = standIn.configRequests(AwsStandIn.BATCH_GET);
        assertEquals(2, gets.size(), "BatchGetResourceConfig calls");
        JsonNode keys = AwsStandIn.json(gets.get(1)).path("resourceKeys");
        assertEquals(1, keys.size(), "only the unprocessed key is asked for again");
        assertEquals("legacy-cron", keys.get(0).path("resourceId").asText());
        assertEquals(FaultTarget.BATCH_GET_RESOURCE_CONFIG.expectedDecisions(), standIn.reportedCompliance());
    }

    @Test
    void unprocessedKeys_persist_nothingReported() throws Exception {
        JsonNode full = JSON.readTree(Fixtures.awsResponse("periodic", AwsStandIn.BATCH_GET));
        ObjectNode stuck = withUnprocessed(full, "legacy-cron");
        ((ArrayNode) stuck.get("baseConfigurationItems")).removeAll();
        standIn.always(AwsStandIn.config(AwsStandIn.BATCH_GET), AwsStandIn.ok(stuck.toString()));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> run(FaultTarget.BATCH_GET_RESOURCE_CONFIG));

        assertEquals("aws_read_failed", e.code());
        assertTrue(e.getMessage().contains("legacy-cron"), e.getMessage());
        assertTrue(standIn.reportedCompliance().isEmpty(), "no evaluation for an incomplete inventory");
    }

    /** The response with {@code resourceId}'s item moved to unprocessedResourceKeys. */
    private static ObjectNode withUnprocessed(JsonNode response, String resourceId) {
        ObjectNode copy = response.deepCopy();
        ArrayNode items = (ArrayNode) copy.get("baseConfigurationItems");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (resourceId.equals(items.get(i).path("resourceId").asText())) {
                items.remove(i);
            }
        }
        ArrayNode unprocessed = copy.putArray("unprocessedResourceKeys");
        unprocessed.addObject().put("resourceType", "AWS::Lambda::Function").put("resourceId", resourceId);
        return copy;
    }

    private static ObjectNode onlyItem(JsonNode response, String resourceId) {
        ObjectNode copy = response.deepCopy();
        ArrayNode items = (ArrayNode) copy.get("baseConfigurationItems");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (!resourceId.equals(items.get(i).path("resourceId").asText())) {
                items.remove(i);
            }
        }
        return copy;
    }
}
