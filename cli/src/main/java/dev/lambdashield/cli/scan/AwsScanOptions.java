package dev.lambdashield.cli.scan;

import picocli.CommandLine.Option;

import java.net.URI;

/** The options of a live account scan. */
public final class AwsScanOptions {

    @Option(names = "--aws", required = true,
            description = "Scan the Lambda functions AWS Config records in an account (read-only: Config, Lambda "
                    + "and IAM read calls only).")
    boolean enabled;

    @Option(names = "--region", paramLabel = "REGION", description = "The AWS region to scan (default: AWS_REGION).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "The named profile in the AWS config and credentials files (default: the environment's "
                    + "credentials, then the default profile; never instance metadata).")
    String profile;

    @Option(names = "--enrichment",
            description = "Also run policies that need Lambda and IAM API reads (function URL, code signing, "
                    + "execution role).")
    boolean enrichment;

    /** Sends every AWS call to this endpoint instead, for a local stand-in server. */
    @Option(names = "--endpoint-url", paramLabel = "URL", hidden = true)
    URI endpoint;
}
