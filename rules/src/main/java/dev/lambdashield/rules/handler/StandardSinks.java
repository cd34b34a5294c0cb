package dev.lambdashield.rules.handler;

import dev.lambdashield.rules.aws.SdkConfigApi;
import dev.lambdashield.rules.remediate.RemediationSink;
import dev.lambdashield.rules.report.ConfigEvaluationSink;
import dev.lambdashield.rules.report.SinkFactory;
import dev.lambdashield.rules.report.securityhub.SecurityHubSink;

import java.util.List;

/**
 * The sinks every invocation reports to, in order. AWS Config comes first, so its evaluations are sent even
 * when a later sink fails. Further sinks add one line each.
 */
public final class StandardSinks {

    private StandardSinks() {
    }

    /** AWS Config {@code PutEvaluations}; a batch needs half the time reserve to start. */
    public static SinkFactory config() {
        return context -> new ConfigEvaluationSink(
                new SdkConfigApi(context.clients().config(), context.retry(), context.dryRun()),
                context.retry(), context.metrics(), context.settings().timeReserve().dividedBy(2));
    }

    public static List<SinkFactory> all() {
        return List.of(
                config(),
                SecurityHubSink.factory(),
                RemediationSink.factory());
    }
}
