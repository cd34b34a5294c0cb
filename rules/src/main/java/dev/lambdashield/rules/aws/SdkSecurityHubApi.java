package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.GetFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;

/** {@link SecurityHubApi} over the SDK's {@link SecurityHubClient}. */
public final class SdkSecurityHubApi implements SecurityHubApi {

    private final SecurityHubClient client;
    private final Retry retry;
    private final DryRun dryRun;

    public SdkSecurityHubApi(SecurityHubClient client, Retry retry, DryRun dryRun) {
        this.client = client;
        this.retry = retry;
        this.dryRun = dryRun;
    }

    @Override
    public BatchImportFindingsResponse batchImportFindings(BatchImportFindingsRequest request) {
        return dryRun.write(SERVICE, "BatchImportFindings", request,
                () -> retry.call(SERVICE, "BatchImportFindings", () -> client.batchImportFindings(request)),
                () -> BatchImportFindingsResponse.builder()
                        .successCount(request.findings().size()).failedCount(0).build());
    }

    @Override
    public BatchUpdateFindingsResponse batchUpdateFindings(BatchUpdateFindingsRequest request) {
        return dryRun.write(SERVICE, "BatchUpdateFindings", request,
                () -> retry.call(SERVICE, "BatchUpdateFindings", () -> client.batchUpdateFindings(request)),
                () -> BatchUpdateFindingsResponse.builder()
                        .processedFindings(request.findingIdentifiers()).build());
    }

    @Override
    public GetFindingsResponse getFindings(GetFindingsRequest request) {
        return retry.call(SERVICE, "GetFindings", () -> client.getFindings(request));
    }
}
