package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.lambda.model.GetCodeSigningConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionCodeSigningConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;

import java.util.Optional;

/**
 * The read-only Lambda operations that enrichment uses. Implementations retry (see {@link Retry}) and throw
 * {@link AwsCallException} when a call fails for good.
 */
public interface LambdaApi {

    String SERVICE = "lambda";

    /** The function's URL configuration, or empty when the function has no URL. */
    Optional<GetFunctionUrlConfigResponse> getFunctionUrlConfig(String functionName);

    /** The code signing configuration attached to the function (its ARN is absent when none is). */
    GetFunctionCodeSigningConfigResponse getFunctionCodeSigningConfig(String functionName);

    GetCodeSigningConfigResponse getCodeSigningConfig(String codeSigningConfigArn);
}
