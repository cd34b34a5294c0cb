package dev.lambdashield.rules.reliability;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.testutils.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An AWS call the fault tests break, with the event that leads the rule to it, the response the call gets when
 * it works, and what the rule must report. Reads happen before any evaluation, so a read that fails for good must
 * leave nothing reported; a write that fails for good must fail the invocation with {@link #failureMarker()}.
 */
enum FaultTarget {

    PUT_EVALUATIONS(Operation.WRITE, "change-noncompliant", () -> AwsStandIn.config(AwsStandIn.PUT_EVALUATIONS),
            s -> s.configRequests(AwsStandIn.PUT_EVALUATIONS), AwsStandIn.ok("{\"FailedEvaluations\":[]}"),
            "PutEvaluations failed for AWS::Lambda::Function billing-webhook"),
    BATCH_IMPORT_FINDINGS(Operation.WRITE, "change-noncompliant", AwsStandIn::importFindings, AwsStandIn::imports,
            AwsStandIn.restOk("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}"),
            "SECURITYHUB_IMPORT_FAILED"),
    START_AUTOMATION(Operation.WRITE, "change-noncompliant", AwsStandIn::ssmStart, AwsStandIn::ssmStarts,
            AwsStandIn.ok("{\"AutomationExecutionId\":\"0f1e2d3c-aaaa-bbbb-cccc-000000000001\"}"),
            "REMEDIATION_START_FAILED"),
    GET_RESOURCE_CONFIG_HISTORY(Operation.READ, "oversized", () -> AwsStandIn.config(AwsStandIn.HISTORY),
            s -> s.configRequests(AwsStandIn.HISTORY),
            AwsStandIn.ok(Fixtures.awsResponse("oversized", AwsStandIn.HISTORY)), "aws_read_failed"),
    LIST_DISCOVERED_RESOURCES(Operation.READ, "periodic", () -> AwsStandIn.config(AwsStandIn.LIST),
            s -> s.configRequests(AwsStandIn.LIST),
            AwsStandIn.ok(Fixtures.awsResponse("periodic", AwsStandIn.LIST)), "aws_read_failed"),
    BATCH_GET_RESOURCE_CONFIG(Operation.READ, "periodic", () -> AwsStandIn.config(AwsStandIn.BATCH_GET),
            s -> s.configRequests(AwsStandIn.BATCH_GET),
            AwsStandIn.ok(Fixtures.awsResponse("periodic", AwsStandIn.BATCH_GET)), "aws_read_failed");

    /** Whether the call reads the inventory (before evaluating) or writes results (after evaluating). */
    enum Operation { READ, WRITE }

    /** The decisions each fixture event must produce with the policies the tests select. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "change-noncompliant", Map.of("billing-webhook", "NON_COMPLIANT"),
            "oversized", Map.of("media-transcoder", "NON_COMPLIANT"),
            "periodic", Map.of("orders-api", "COMPLIANT", "legacy-cron", "NON_COMPLIANT",
                    "retired-report-job", "NOT_APPLICABLE"));

    private final Operation operation;
    private final String fixture;
    private final Supplier<MappingBuilder> mapping;
    private final Function<AwsStandIn, List<LoggedRequest>> requests;
    private final ResponseDefinitionBuilder success;
    private final String failureMarker;

    FaultTarget(Operation operation, String fixture, Supplier<MappingBuilder> mapping,
                Function<AwsStandIn, List<LoggedRequest>> requests, ResponseDefinitionBuilder success,
                String failureMarker) {
        this.operation = operation;
        this.fixture = fixture;
        this.mapping = mapping;
        this.requests = requests;
        this.success = success;
        this.failureMarker = failureMarker;
    }

    boolean isRead() {
        return operation == Operation.READ;
    }

    /** The fixture event, selecting only the tracing policy so that exactly one remediation is started. */
    ConfigEvent event() {
        return AwsStandIn.withPolicies(Fixtures.event(fixture), "lambda-tracing-active");
    }

    Map<String, String> expectedDecisions() {
        return EXPECTED.get(fixture);
    }

    MappingBuilder mapping() {
        return mapping.get();
    }

    List<LoggedRequest> requests(AwsStandIn standIn) {
        return requests.apply(standIn);
    }

    ResponseDefinitionBuilder success() {
        return success;
    }

    /** Text the invocation's failure carries when this call fails for good (an error code or message part). */
    String failureMarker() {
        return failureMarker;
    }

    /** Stubs every call of the rule with its working response, at a lower priority than the faults. */
    static void stubAllWorking(AwsStandIn standIn) {
        for (FaultTarget target : values()) {
            standIn.server().stubFor(target.mapping().atPriority(10).willReturn(target.success()));
        }
        standIn.server().stubFor(AwsStandIn.config(AwsStandIn.COMPLIANCE_DETAILS).atPriority(10)
                .willReturn(AwsStandIn.ok(Fixtures.awsResponse("periodic", AwsStandIn.COMPLIANCE_DETAILS))));
        standIn.server().stubFor(AwsStandIn.getFindings().atPriority(10)
                .willReturn(AwsStandIn.restOk("{\"Findings\":[]}")));
    }
}
