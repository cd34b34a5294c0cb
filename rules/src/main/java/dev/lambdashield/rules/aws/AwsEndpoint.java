package dev.lambdashield.rules.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Optional;

/**
 * Where and as whom SDK clients connect.
 *
 * @param region      the AWS region
 * @param endpoint    an endpoint override (tests point it at 127.0.0.1), or {@code null} for the service default
 * @param credentials the credentials provider; never the SDK's default chain, so no instance-metadata probe
 */
public record AwsEndpoint(Region region, URI endpoint, AwsCredentialsProvider credentials) {

    public Optional<URI> endpointIfAny() {
        return Optional.ofNullable(endpoint);
    }
}
