package dev.lambdashield.rules.testutils;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/** A Lambda context with a fixed request id and a settable remaining time. */
public final class TestContext implements Context {

    private final String requestId;
    private final LongSupplier remainingMillis;

    public TestContext(String requestId, LongSupplier remainingMillis) {
        this.requestId = requestId;
        this.remainingMillis = remainingMillis;
    }

    /** A context with fifteen minutes left, Lambda's maximum timeout. */
    public static TestContext generous(String requestId) {
        return new TestContext(requestId, () -> 900_000L);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/lambda-shield-rule";
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/01/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "lambda-shield-rule";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:lambda-shield-rule";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) remainingMillis.getAsLong();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.err.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
