package dev.lambdashield.rules.remediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Guard rails for remediation. {@link dev.lambdashield.rules.settings.Settings} reads them from the environment
 * through {@link #fromEnvironment(Map)}; each value is the variable if set and not blank, else the default.
 *
 * @param mode                     the global switch ({@code LAMBDA_SHIELD_REMEDIATION}: off, dry-run or on;
 *                                 default dry-run)
 * @param maxStartsPerInvocation   cap on remediations started per invocation
 *                                 ({@code LAMBDA_SHIELD_REMEDIATION_MAX_STARTS}; default 10); the rest are
 *                                 reported as skipped
 * @param exemptionTagKey          the resource tag naming exempted policy ids, or {@code all}
 *                                 ({@code LAMBDA_SHIELD_EXEMPTION_TAG}; default {@code lambda-shield:exempt})
 * @param exemptFunctionPatterns   function-name globs ({@code *}, {@code ?}) never remediated, comma-separated in
 *                                 {@code LAMBDA_SHIELD_EXEMPT_FUNCTIONS}; default none
 * @param approvalStateMachineArn  the response state machine for {@code approval} mode
 *                                 ({@code LAMBDA_SHIELD_APPROVAL_STATE_MACHINE_ARN}); without it approval-mode
 *                                 remediations are rejected
 * @param automationAssumeRoleArn  passed as {@code AutomationAssumeRole} to documents
 *                                 ({@code LAMBDA_SHIELD_AUTOMATION_ROLE_ARN}); default none
 */
public record RemediationSettings(RemediationSwitch mode, int maxStartsPerInvocation, String exemptionTagKey,
                                  List<String> exemptFunctionPatterns, String approvalStateMachineArn,
                                  String automationAssumeRoleArn) {

    public static final String MODE = "LAMBDA_SHIELD_REMEDIATION";
    public static final String MAX_STARTS = "LAMBDA_SHIELD_REMEDIATION_MAX_STARTS";
    public static final String EXEMPTION_TAG = "LAMBDA_SHIELD_EXEMPTION_TAG";
    public static final String EXEMPT_FUNCTIONS = "LAMBDA_SHIELD_EXEMPT_FUNCTIONS";
    public static final String APPROVAL_STATE_MACHINE_ARN = "LAMBDA_SHIELD_APPROVAL_STATE_MACHINE_ARN";
    public static final String AUTOMATION_ROLE_ARN = "LAMBDA_SHIELD_AUTOMATION_ROLE_ARN";

    public static final int DEFAULT_MAX_STARTS = 10;
    public static final String DEFAULT_EXEMPTION_TAG = "lambda-shield:exempt";

    public RemediationSettings {
        if (maxStartsPerInvocation < 0) {
            throw new IllegalArgumentException("maxStartsPerInvocation must not be negative");
        }
        exemptFunctionPatterns = List.copyOf(exemptFunctionPatterns);
    }

    /** Dry-run, a cap of 10, the default exemption tag, no name exemptions, no state machine, no role. */
    public static RemediationSettings defaults() {
        return new RemediationSettings(RemediationSwitch.DRY_RUN, DEFAULT_MAX_STARTS, DEFAULT_EXEMPTION_TAG, List.of(),
                null, null);
    }

    /**
     * Reads the variables above from {@code env}.
     *
     * @throws IllegalArgumentException naming the variable whose value is invalid (never echoing the value)
     */
    public static RemediationSettings fromEnvironment(Map<String, String> env) {
        RemediationSwitch mode = RemediationSwitch.DRY_RUN;
        String modeText = value(env, MODE);
        if (modeText != null) {
            try {
                mode = RemediationSwitch.parse(modeText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid " + MODE + ": " + e.getMessage(), e);
            }
        }
        int maxStarts = DEFAULT_MAX_STARTS;
        String maxText = value(env, MAX_STARTS);
        if (maxText != null) {
            maxStarts = parseCount(maxText);
        }
        String tag = value(env, EXEMPTION_TAG);
        return new RemediationSettings(mode, maxStarts, tag == null ? DEFAULT_EXEMPTION_TAG : tag,
                splitPatterns(value(env, EXEMPT_FUNCTIONS)), value(env, APPROVAL_STATE_MACHINE_ARN),
                value(env, AUTOMATION_ROLE_ARN));
    }

    /** Returns a copy with another switch position, e.g. for the CLI's flags. */
    public RemediationSettings withMode(RemediationSwitch newMode) {
        return new RemediationSettings(newMode, maxStartsPerInvocation, exemptionTagKey, exemptFunctionPatterns,
                approvalStateMachineArn, automationAssumeRoleArn);
    }

    private static int parseCount(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count < 0) {
                throw new IllegalArgumentException("invalid " + MAX_STARTS + ": expected a whole number of 0 or more");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + MAX_STARTS + ": expected a whole number of 0 or more", e);
        }
    }

    private static List<String> splitPatterns(String text) {
        List<String> patterns = new ArrayList<>();
        if (text == null) {
            return patterns;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                patterns.add(part.trim());
            }
        }
        return patterns;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
