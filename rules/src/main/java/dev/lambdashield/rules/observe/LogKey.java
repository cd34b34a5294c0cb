package dev.lambdashield.rules.observe;

/** The names of structured log fields; every log field name in the module comes from here. */
public enum LogKey {
    // Written by the JSON layout itself.
    TIMESTAMP("timestamp"),
    LEVEL("level"),
    LOGGER("logger"),
    MESSAGE("message"),
    ERROR("error"),
    ERROR_TYPE("error_type"),

    // Lambda invocation.
    FUNCTION_REQUEST_ID("function_request_id"),
    COLD_START("cold_start"),
    SERVICE_NAME("service"),
    DRY_RUN("dry_run"),

    // Config rule and resources.
    CONFIG_RULE_NAME("config_rule_name"),
    MESSAGE_TYPE("message_type"),
    RESOURCE_TYPE("resource_type"),
    RESOURCE_ID("resource_id"),
    COMPLIANCE_TYPE("compliance_type"),
    ORDERING_TIMESTAMP("ordering_timestamp"),
    OUTCOME("outcome"),
    REASON("reason"),

    // Policies.
    POLICY_ID("policy_id"),
    POLICY_PACKAGE("policy_package"),
    POLICY_LOCATION("policy_location"),
    POLICY_COUNT("policy_count"),
    PARAMETER("parameter"),
    ERROR_CODE("error_code"),

    // AWS calls.
    SERVICE("aws_service"),
    OPERATION("aws_operation"),
    ATTEMPT("attempt"),

    // Counts and timing.
    RESOURCE_COUNT("resource_count"),
    EVALUATION_COUNT("evaluation_count"),
    COMPLIANT_COUNT("compliant_count"),
    NON_COMPLIANT_COUNT("non_compliant_count"),
    NOT_APPLICABLE_COUNT("not_applicable_count"),
    NOT_EVALUATED_COUNT("not_evaluated_count"),
    FAILED_COUNT("failed_count"),
    SKIPPED_COUNT("skipped_count"),
    DURATION_MS("duration_ms"),
    REMAINING_MS("remaining_ms");

    private final String key;

    LogKey(String key) {
        this.key = key;
    }

    /** The field name as written in the JSON line. */
    public String key() {
        return key;
    }
}
