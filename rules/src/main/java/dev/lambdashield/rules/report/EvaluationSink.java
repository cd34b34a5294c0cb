package dev.lambdashield.rules.report;

import dev.lambdashield.rules.evaluate.ResourceDecision;

import java.util.List;

/**
 * A consumer of one invocation's decisions: AWS Config evaluations, Security Hub findings, remediation.
 *
 * <p>Implementations send their AWS writes through {@link dev.lambdashield.rules.aws.DryRun}, retry through
 * {@link dev.lambdashield.rules.aws.Retry}, never report a decision whose compliance is {@code NOT_EVALUATED},
 * and return failures in the outcome rather than throwing, so later sinks still run. An exception escaping a
 * sink fails the invocation too.
 */
public interface EvaluationSink {

    /** A short name used in logs and outcomes, e.g. {@code config}, {@code securityhub}. */
    String name();

    /** Reports the decisions; called once per invocation, with every decision of the invocation. */
    SinkOutcome publish(Invocation invocation, List<ResourceDecision> decisions);
}
