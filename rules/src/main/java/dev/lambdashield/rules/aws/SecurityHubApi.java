package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.GetFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;

/**
 * The Security Hub operations the findings reporter uses. Implementations retry (see {@link Retry}) and route
 * the two writes through {@link DryRun}; they throw {@link AwsCallException} when a call fails for good.
 * Findings that Security Hub rejects one by one ({@code FailedFindings}, {@code UnprocessedFindings}) come back
 * in the response and are the caller's to retry.
 */
public interface SecurityHubApi {

    String SERVICE = "securityhub";

    BatchImportFindingsResponse batchImportFindings(BatchImportFindingsRequest request);

    BatchUpdateFindingsResponse batchUpdateFindings(BatchUpdateFindingsRequest request);

    GetFindingsResponse getFindings(GetFindingsRequest request);
}
