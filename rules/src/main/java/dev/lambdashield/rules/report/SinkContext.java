package dev.lambdashield.rules.report;

import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.observe.Metrics;
import dev.lambdashield.rules.settings.Settings;

import java.time.Clock;
import java.util.List;

/**
 * The services a {@link SinkFactory} builds a sink from, for one invocation.
 *
 * @param settings         the rule's settings
 * @param clients          SDK clients, built once per container
 * @param retry            the invocation's retry, bound to its deadline
 * @param dryRun           the write gate; every AWS write goes through it
 * @param metrics          the invocation's metrics, flushed after the sinks ran
 * @param clock            the clock for timestamps
 * @param selectedPolicies the policies the rule parameters select
 */
public record SinkContext(Settings settings, AwsClients clients, Retry retry, DryRun dryRun, Metrics metrics,
                          Clock clock, List<PolicyMetadata> selectedPolicies) {

    public SinkContext {
        selectedPolicies = List.copyOf(selectedPolicies);
    }
}
