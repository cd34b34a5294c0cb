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

import java.nio.file.Path;

/**
 * The Config API for an event file that has no recorded responses beside it: every call fails with a message
 * naming the recorded response file it needs, so an offline scan never reaches AWS.
 */
final class UnavailableConfigApi implements ConfigApi {

    private final Path recordings;

    UnavailableConfigApi(Path recordings) {
        this.recordings = recordings;
    }

    /** A Config read without a recorded response. */
    static final class RecordingMissingException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        RecordingMissingException(String message) {
            super(message);
        }
    }

    private RecordingMissingException missing(String operation) {
        return new RecordingMissingException("the event needs AWS Config " + operation + ", and no recorded response "
                + recordings.resolve(operation + ".json") + " exists; scan a live account with --aws instead");
    }

    @Override
    public PutEvaluationsResponse putEvaluations(PutEvaluationsRequest request) {
        throw missing("PutEvaluations");
    }

    @Override
    public GetResourceConfigHistoryResponse getResourceConfigHistory(GetResourceConfigHistoryRequest request) {
        throw missing("GetResourceConfigHistory");
    }

    @Override
    public ListDiscoveredResourcesResponse listDiscoveredResources(ListDiscoveredResourcesRequest request) {
        throw missing("ListDiscoveredResources");
    }

    @Override
    public BatchGetResourceConfigResponse batchGetResourceConfig(BatchGetResourceConfigRequest request) {
        throw missing("BatchGetResourceConfig");
    }

    @Override
    public GetComplianceDetailsByConfigRuleResponse getComplianceDetailsByConfigRule(
            GetComplianceDetailsByConfigRuleRequest request) {
        throw missing("GetComplianceDetailsByConfigRule");
    }
}
