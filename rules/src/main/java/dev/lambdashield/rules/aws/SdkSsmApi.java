package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionRequest;
import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionResponse;

/** {@link SsmApi} over the SDK's {@link SsmClient}. */
public final class SdkSsmApi implements SsmApi {

    private final SsmClient client;
    private final Retry retry;
    private final DryRun dryRun;

    public SdkSsmApi(SsmClient client, Retry retry, DryRun dryRun) {
        this.client = client;
        this.retry = retry;
        this.dryRun = dryRun;
    }

    @Override
    public StartAutomationExecutionResponse startAutomationExecution(StartAutomationExecutionRequest request) {
        // A retry after a lost response is safe: the request's ClientToken makes SSM return the first execution.
        return dryRun.write(SERVICE, "StartAutomationExecution", request,
                () -> retry.call(SERVICE, "StartAutomationExecution", () -> client.startAutomationExecution(request)),
                () -> StartAutomationExecutionResponse.builder().build());
    }
}
