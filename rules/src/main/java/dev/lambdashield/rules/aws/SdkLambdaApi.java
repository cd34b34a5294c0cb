package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetCodeSigningConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionCodeSigningConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.util.Optional;

/** {@link LambdaApi} over the SDK's {@link LambdaClient}. */
public final class SdkLambdaApi implements LambdaApi {

    private final LambdaClient client;
    private final Retry retry;

    public SdkLambdaApi(LambdaClient client, Retry retry) {
        this.client = client;
        this.retry = retry;
    }

    @Override
    public Optional<GetFunctionUrlConfigResponse> getFunctionUrlConfig(String functionName) {
        try {
            return Optional.of(retry.call(SERVICE, "GetFunctionUrlConfig",
                    () -> client.getFunctionUrlConfig(r -> r.functionName(functionName))));
        } catch (AwsCallException e) {
            // Lambda returns 404 ResourceNotFoundException for a function without a URL.
            if (e.getCause() instanceof ResourceNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public GetFunctionCodeSigningConfigResponse getFunctionCodeSigningConfig(String functionName) {
        return retry.call(SERVICE, "GetFunctionCodeSigningConfig",
                () -> client.getFunctionCodeSigningConfig(r -> r.functionName(functionName)));
    }

    @Override
    public GetCodeSigningConfigResponse getCodeSigningConfig(String codeSigningConfigArn) {
        return retry.call(SERVICE, "GetCodeSigningConfig",
                () -> client.getCodeSigningConfig(r -> r.codeSigningConfigArn(codeSigningConfigArn)));
    }
}
