package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionRequest;
import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionResponse;

/**
 * The Systems Manager operation remediation uses. The implementation retries (see {@link Retry}) and routes the
 * start through {@link DryRun}; it throws {@link AwsCallException} when the call fails for good.
 */
public interface SsmApi {

    String SERVICE = "ssm";

    StartAutomationExecutionResponse startAutomationExecution(StartAutomationExecutionRequest request);
}
