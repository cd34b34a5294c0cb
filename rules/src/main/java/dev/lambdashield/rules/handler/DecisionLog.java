package dev.lambdashield.rules.handler;

import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.observe.LogKey;
import dev.lambdashield.rules.observe.MetricName;
import dev.lambdashield.rules.observe.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** Logs and counts one decision: DEBUG for the outcome, ERROR for each policy that failed to evaluate. */
final class DecisionLog {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    private DecisionLog() {
    }

    static void record(ResourceDecision decision, Metrics metrics, List<String> failures) {
        for (PolicyResult result : decision.results()) {
            if (result.failed()) {
                LOG.atError().addKeyValue(LogKey.RESOURCE_TYPE.key(), decision.resourceType())
                        .addKeyValue(LogKey.RESOURCE_ID.key(), decision.resourceId())
                        .addKeyValue(LogKey.POLICY_ID.key(), result.policy().id())
                        .addKeyValue(LogKey.POLICY_LOCATION.key(), result.error().location().toString())
                        .addKeyValue(LogKey.ERROR_CODE.key(), result.error().code())
                        .log("policy failed to evaluate, so no evaluation is sent for the resource: {}",
                                result.error().message());
                metrics.add(MetricName.POLICY_ERRORS, 1, Map.of(Metrics.POLICY_ID, result.policy().id()));
                failures.add("policy " + result.policy().id() + " failed on " + decision.resourceId() + " at "
                        + result.error().location() + ": " + result.error().code());
            } else if (result.denied()) {
                metrics.add(MetricName.VIOLATIONS, result.denies().size(), Map.of(Metrics.POLICY_ID,
                        result.policy().id(), Metrics.SEVERITY, result.policy().severity().name()));
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.atDebug().addKeyValue(LogKey.RESOURCE_TYPE.key(), decision.resourceType())
                    .addKeyValue(LogKey.RESOURCE_ID.key(), decision.resourceId())
                    .addKeyValue(LogKey.COMPLIANCE_TYPE.key(), decision.compliance().name())
                    .addKeyValue(LogKey.ORDERING_TIMESTAMP.key(), String.valueOf(decision.orderingTimestamp()))
                    .addKeyValue(LogKey.REASON.key(), decision.reason())
                    .log("resource decided");
        }
    }
}
