package dev.lambdashield.rules.aws;

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
 * The AWS Config operations the rule uses. Implementations retry (see {@link Retry}) and route
 * {@code PutEvaluations} through {@link DryRun}; they throw {@link AwsCallException} when a call fails for good.
 */
public interface ConfigApi {

    String SERVICE = "config";

    PutEvaluationsResponse putEvaluations(PutEvaluationsRequest request);

    GetResourceConfigHistoryResponse getResourceConfigHistory(GetResourceConfigHistoryRequest request);

    ListDiscoveredResourcesResponse listDiscoveredResources(ListDiscoveredResourcesRequest request);

    BatchGetResourceConfigResponse batchGetResourceConfig(BatchGetResourceConfigRequest request);

    GetComplianceDetailsByConfigRuleResponse getComplianceDetailsByConfigRule(
            GetComplianceDetailsByConfigRuleRequest request);
}
