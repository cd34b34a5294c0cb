/**
 * Reporting the decisions of one invocation.
 *
 * <p>The handler hands every {@link dev.lambdashield.rules.evaluate.ResourceDecision} of an invocation to each
 * registered {@link dev.lambdashield.rules.report.EvaluationSink} in order: first
 * {@link dev.lambdashield.rules.report.ConfigEvaluationSink} (AWS Config {@code PutEvaluations}), then further
 * sinks such as Security Hub findings or remediation. A sink skips decisions whose compliance is
 * {@link dev.lambdashield.rules.evaluate.Compliance#NOT_EVALUATED}; it reports what it could not deliver in its
 * {@link dev.lambdashield.rules.report.SinkOutcome} so the invocation fails and Config retries.
 */
package dev.lambdashield.rules.report;
