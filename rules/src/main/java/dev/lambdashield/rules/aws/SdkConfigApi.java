package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.config.ConfigClient;
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

/** {@link ConfigApi} over the SDK's {@link ConfigClient}. */
public final class SdkConfigApi implements ConfigApi {

    private final ConfigClient client;
    private final Retry retry;
    private final DryRun dryRun;

    public SdkConfigApi(ConfigClient client, Retry retry, DryRun dryRun) {
        this.client = client;
        this.retry = retry;
        this.dryRun = dryRun;
    }

    @Override
    public PutEvaluationsResponse putEvaluations(PutEvaluationsRequest request) {
        return dryRun.write(SERVICE, "PutEvaluations", request,
                () -> retry.call(SERVICE, "PutEvaluations", () -> client.putEvaluations(request)),
                () -> PutEvaluationsResponse.builder().build());
    }

    @Override
    public GetResourceConfigHistoryResponse getResourceConfigHistory(GetResourceConfigHistoryRequest request) {
        return retry.call(SERVICE, "GetResourceConfigHistory", () -> client.getResourceConfigHistory(request));
    }

    @Override
    public ListDiscoveredResourcesResponse listDiscoveredResources(ListDiscoveredResourcesRequest request) {
        return retry.call(SERVICE, "ListDiscoveredResources", () -> client.listDiscoveredResources(request));
    }

    @Override
    public BatchGetResourceConfigResponse batchGetResourceConfig(BatchGetResourceConfigRequest request) {
        return retry.call(SERVICE, "BatchGetResourceConfig", () -> client.batchGetResourceConfig(request));
    }

    @Override
    public GetComplianceDetailsByConfigRuleResponse getComplianceDetailsByConfigRule(
            GetComplianceDetailsByConfigRuleRequest request) {
        return retry.call(SERVICE, "GetComplianceDetailsByConfigRule",
                () -> client.getComplianceDetailsByConfigRule(request));
    }
}
