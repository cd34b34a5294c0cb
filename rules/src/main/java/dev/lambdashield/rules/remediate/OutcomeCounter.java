package dev.lambdashield.rules.remediate;

import dev.lambdashield.rules.observe.MetricName;
import dev.lambdashield.rules.observe.Metrics;

import java.util.Map;

/** Counts remediation outcomes. */
@FunctionalInterface
public interface OutcomeCounter {

    void count(RemediationOutcome outcome, String policyId);

    /**
     * Counts into CloudWatch metrics by {@code PolicyId}: STARTED as {@code RemediationsStarted}, FAILED as
     * {@code RemediationsFailed}, REJECTED as {@code RemediationsRejected}, and every other outcome as
     * {@code RemediationsSkipped}.
     */
    static OutcomeCounter toMetrics(Metrics metrics) {
        return (outcome, policyId) -> {
            MetricName metric;
            switch (outcome) {
                case STARTED:
                    metric = MetricName.REMEDIATIONS_STARTED;
                    break;
                case FAILED:
                    metric = MetricName.REMEDIATIONS_FAILED;
                    break;
                case REJECTED:
                    metric = MetricName.REMEDIATIONS_REJECTED;
                    break;
                default:
                    metric = MetricName.REMEDIATIONS_SKIPPED;
                    break;
            }
            metrics.add(metric, 1, Map.of(Metrics.POLICY_ID, policyId));
        };
    }
}
