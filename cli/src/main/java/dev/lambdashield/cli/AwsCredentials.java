package dev.lambdashield.cli;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/**
 * The credentials the CLI uses for real AWS calls: a named profile, or else the environment's credentials,
 * then the default profile. Unlike the SDK's default chain it never calls the instance-metadata or container
 * endpoints, so a command on a laptop or CI machine cannot reach them.
 */
public final class AwsCredentials {

    private AwsCredentials() {
    }

    public static AwsCredentialsProvider of(String profile) {
        if (profile != null) {
            return ProfileCredentialsProvider.create(profile);
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(), ProfileCredentialsProvider.create())
                .build();
    }
}
