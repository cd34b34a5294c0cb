package dev.lambdashield.rules.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Duration;

/**
 * Builds SDK clients that share one URL-connection HTTP client (the smallest cold start of the SDK's clients),
 * with explicit region, credentials and optional endpoint, and with the SDK's retries turned off because
 * {@link Retry} does the retrying within the invocation's deadline. Other services add a method here in the
 * same style. Clients are thread-safe and meant to be built once per container.
 */
public final class AwsClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(25);

    private final AwsEndpoint endpoint;
    private final Duration socketTimeout;
    private final Duration attemptTimeout;
    private final SdkHttpClient http;
    private SecurityHubClient securityHub;

    /** Clients with a 20 s socket timeout and a 25 s limit per attempt. */
    public AwsClients(AwsEndpoint endpoint) {
        this(endpoint, SOCKET_TIMEOUT, API_CALL_ATTEMPT_TIMEOUT);
    }

    /**
     * Clients with other timeouts, e.g. shorter ones so that tests of slow responses stay quick.
     *
     * @param socketTimeout  the longest wait for data on an open connection
     * @param attemptTimeout the longest one attempt of an API call may take, connection and reading included
     */
    public AwsClients(AwsEndpoint endpoint, Duration socketTimeout, Duration attemptTimeout) {
        this.endpoint = endpoint;
        this.socketTimeout = socketTimeout;
        this.attemptTimeout = attemptTimeout;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(socketTimeout)
                .build();
    }

    public AwsEndpoint endpoint() {
        return endpoint;
    }

    public ConfigClient config() {
        return configure(ConfigClient.builder()).httpClient(http).build();
    }

    /**
     * Returns the Security Hub client, built on first use and kept for the container's life. It runs on the
     * Apache 5 HTTP client because {@code BatchUpdateFindings} is an HTTP PATCH, which the URL-connection client
     * cannot send.
     */
    public synchronized SecurityHubClient securityHub() {
        if (securityHub == null) {
            securityHub = configure(SecurityHubClient.builder())
                    .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                            .socketTimeout(socketTimeout))
                    .build();
        }
        return securityHub;
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder()).httpClient(http).build();
    }

    public SfnClient stepFunctions() {
        return configure(SfnClient.builder()).httpClient(http).build();
    }

    public LambdaClient lambda() {
        return configure(LambdaClient.builder()).httpClient(http).build();
    }

    public IamClient iam() {
        return configure(IamClient.builder()).httpClient(http).build();
    }

    /** Applies region, credentials, endpoint and the no-retry strategy to any service's client builder. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(endpoint.region())
                .credentialsProvider(endpoint.credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(attemptTimeout));
        endpoint.endpointIfAny().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** The shared HTTP client, for other services' builders. */
    public SdkHttpClient http() {
        return http;
    }

    @Override
    public synchronized void close() {
        if (securityHub != null) {
            securityHub.close();
        }
        http.close();
    }
}
