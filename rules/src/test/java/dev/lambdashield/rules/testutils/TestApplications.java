package dev.lambdashield.rules.testutils;

import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.RetryPolicy;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.handler.StandardSinks;
import dev.lambdashield.rules.settings.Settings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds rule applications for tests: the repository's policies, AWS pointed at a local server, no real waits. */
public final class TestApplications {

    /** Eight attempts with millisecond backoff caps, so retry tests stay quick while waits are still real. */
    public static final RetryPolicy QUICK = new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(4),
            Duration.ofMillis(100));

    private TestApplications() {
    }

    public static Path policies() {
        return Fixtures.root().getParent().resolve("policies");
    }

    public static PolicyBundle bundle() {
        return PolicyBundle.cached(policies());
    }

    public static Settings settings(AwsEndpoint endpoint) {
        return Settings.builder().region(endpoint.region()).awsEndpoint(endpoint.endpoint())
                .credentials(endpoint.credentials()).timeReserve(Duration.ofSeconds(2)).build();
    }

    /**
     * An application reporting to AWS Config only, sending to {@code endpoint}, or printing writes to
     * {@code dryRunOut} when it is not null.
     */
    public static RuleApplication.Builder builder(AwsEndpoint endpoint, PrintStream dryRunOut) {
        return RuleApplication.builder(settings(endpoint)).bundle(bundle()).dryRun(dryRunOut)
                .sinks(List.of(StandardSinks.config())).retryPolicy(QUICK).sleeper(new RecordingSleeper());
    }
}
