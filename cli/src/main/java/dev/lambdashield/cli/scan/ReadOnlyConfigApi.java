package dev.lambdashield.cli.scan;

import dev.lambdashield.rules.aws.ConfigApi;
import software.amazon.awssdk.services.config.model.BatchGetResourceConfigRequest;
import software.amazon.awssdk.services.config.model.BatchGetResourceConfigResponse;
import software.amazon.awssdk.services.config.model.GetComplianceDetailsByConfigRuleRequest;
import software.amazon.awssdk.services.config.model.GetComplianceDetailsByConfigRuleResponse;
import software.amazon.awssdk.services.config.model.GetResourceConfigHistoryRequest;
import software.amazon.awssdk.services.config.model.GetResourceConfigHistoryResponse;
import software.amazon.awssdk.services.config.model.ListDiscoveredResourcesRequest;
import software.amazon.awssdk.services.config.model.ListDiscoveredResourcesResponse;
import software.amazon.awssdk.services.config.model.PutEvaluationsRequest;
import software.amazon.awssdk.services.config.model.PutEvaluationsResponse;

/**
 * The Config API as a scan uses it: reads pass through, writes are rejected, so a scan can never change an
 * account. A scan belongs to no Config rule, so the rule's earlier evaluations (which a periodic run reads to
 * find deleted resources) are empty instead of requested with no rule name.
 */
final class ReadOnlyConfigApi implements ConfigApi {

    private final ConfigApi reads;

    ReadOnlyConfigApi(ConfigApi reads) {
        this.reads = reads;
    }

    @Override
    public PutEvaluationsResponse putEvaluations(PutEvaluationsRequest request) {
        throw new IllegalStateException("a scan is read-only and never sends PutEvaluations");
    }

    @Override
    public GetResourceConfigHistoryResponse getResourceConfigHistory(GetResourceConfigHistoryRequest request) {
        return reads.getResourceConfigHistory(request);
    }

    @Override
    public ListDiscoveredResourcesResponse listDiscoveredResources(ListDiscoveredResourcesRequest request) {
        return reads.listDiscoveredResources(request);
    }

    @Override
    public BatchGetResourceConfigResponse batchGetResourceConfig(BatchGetResourceConfigRequest request) {
        return reads.batchGetResourceConfig(request);
    }

    @Override
    public GetComplianceDetailsByConfigRuleResponse getComplianceDetailsByConfigRule(
            GetComplianceDetailsByConfigRuleRequest request) {
        if (request.configRuleName() == null || request.configRuleName().isEmpty()) {
            return GetComplianceDetailsByConfigRuleResponse.builder().build();
        }
        return reads.getComplianceDetailsByConfigRule(request);
    }
}
