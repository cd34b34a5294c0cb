package dev.lambdashield.rules.report.securityhub;

import java.util.Locale;

/**
 * Identity of one finding: the policy and the resource it is about, in one account and region.
 *
 * <p>The finding {@link #id()} is derived from these four values only, so every evaluation of the same policy
 * on the same function updates the same finding, whichever event triggered it.
 *
 * @param accountId  the account the resource is in
 * @param region     the region the resource is in
 * @param policyId   the policy's stable id
 * @param resourceId the Config resource id (for a function, its name)
 */
public record FindingKey(String accountId, String region, String policyId, String resourceId) {

    private static final String PREFIX = "lambda-shield";

    /** Returns the finding id, e.g. {@code lambda-shield/us-east-1/123456789012/lambda-tracing-active/my-function}. */
    public String id() {
        return PREFIX + "/" + region + "/" + accountId + "/" + policyId + "/" + resourceId;
    }

    /** Returns the default product ARN for findings an account imports about itself. */
    public String productArn() {
        return productArn(accountId, region);
    }

    /** {@code arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default}. */
    public static String productArn(String accountId, String region) {
        return "arn:" + partition(region) + ":securityhub:" + region + ":" + accountId + ":product/" + accountId
                + "/default";
    }

    /** Returns the ARN partition of a region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public static String partition(String region) {
        String lower = region.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cn-")) {
            return "aws-cn";
        }
        if (lower.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
