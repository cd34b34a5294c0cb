package dev.lambdashield.rules.report;

import dev.lambdashield.rules.aws.Deadline;

import java.time.Instant;

/**
 * What sinks need to know about the invocation they report for.
 *
 * @param requestId        the Lambda request id (or a generated id for CLI runs)
 * @param ruleName         the Config rule name
 * @param accountId        the account the resources are in
 * @param region           the region the resources are in
 * @param resultToken      the token {@code PutEvaluations} requires
 * @param messageType      the invoking event's message type
 * @param notificationTime when Config created the notification
 * @param deadline         the time the invocation has left
 * @param dryRun           whether writes are printed instead of sent
 */
public record Invocation(String requestId, String ruleName, String accountId, String region, String resultToken,
                         String messageType, Instant notificationTime, Deadline deadline, boolean dryRun) {
}
