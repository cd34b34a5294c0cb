package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** {@link StepFunctionsApi} over the SDK's {@link SfnClient}. */
public final class SdkStepFunctionsApi implements StepFunctionsApi {

    private final SfnClient client;
    private final Retry retry;
    private final DryRun dryRun;

    public SdkStepFunctionsApi(SfnClient client, Retry retry, DryRun dryRun) {
        this.client = client;
        this.retry = retry;
        this.dryRun = dryRun;
    }

    @Override
    public StartExecutionResponse startExecution(StartExecutionRequest request) {
        // A retry after a lost response is safe for a standard workflow: the same name and input return the
        // existing execution instead of starting a second one.
        return dryRun.write(SERVICE, "StartExecution", request,
                () -> retry.call(SERVICE, "StartExecution", () -> client.startExecution(request)),
                () -> StartExecutionResponse.builder().build());
    }
}
