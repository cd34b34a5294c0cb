package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * The Step Functions operation the approval flow uses. The implementation retries (see {@link Retry}) and
 * routes the start through {@link DryRun}; it throws {@link AwsCallException} when the call fails for good.
 */
public interface StepFunctionsApi {

    String SERVICE = "states";

    StartExecutionResponse startExecution(StartExecutionRequest request);
}
