package dev.lambdashield.rules.observe;

/** The CloudWatch metrics the rule emits, with their units; alarms in the deploy template refer to these names. */
public enum MetricName {
    /** Evaluations sent (or printed in dry-run), by {@code ComplianceType}. */
    EVALUATIONS("Evaluations", Unit.COUNT),
    /** Denials, by {@code PolicyId} and {@code Severity}. */
    VIOLATIONS("Violations", Unit.COUNT),
    /** Items a sink could not deliver after retries (evaluations, findings). */
    REPORT_FAILURES("ReportFailures", Unit.COUNT),
    /** Policy evaluation errors, by {@code PolicyId}. */
    POLICY_ERRORS("PolicyErrors", Unit.COUNT),
    /** Policies skipped because they need enrichment that is off, by {@code PolicyId}. */
    POLICIES_SKIPPED("PoliciesSkipped", Unit.COUNT),
    /** Resources not evaluated because the invocation ran low on time. */
    RESOURCES_SKIPPED("ResourcesSkipped", Unit.COUNT),
    /** Time to evaluate all selected policies on one resource. */
    EVALUATION_LATENCY("EvaluationLatency", Unit.MILLISECONDS),
    /** Remediations started, by {@code PolicyId}. */
    REMEDIATIONS_STARTED("RemediationsStarted", Unit.COUNT),
    /** Remediations not started (exempt, mode, cap, dry-run), by {@code PolicyId}. */
    REMEDIATIONS_SKIPPED("RemediationsSkipped", Unit.COUNT),
    /** Remediations whose start failed, by {@code PolicyId}. */
    REMEDIATIONS_FAILED("RemediationsFailed", Unit.COUNT),
    /** Remediations that metadata or settings make impossible (no document, no state machine), by {@code PolicyId}. */
    REMEDIATIONS_REJECTED("RemediationsRejected", Unit.COUNT);

    /** EMF units used here. */
    public enum Unit {
        COUNT("Count"),
        MILLISECONDS("Milliseconds");

        private final String emfName;

        Unit(String emfName) {
            this.emfName = emfName;
        }

        public String emfName() {
            return emfName;
        }
    }

    private final String metricName;
    private final Unit unit;

    MetricName(String metricName, Unit unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }
}
