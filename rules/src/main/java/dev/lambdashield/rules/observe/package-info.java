/**
 * Structured logs and CloudWatch metrics.
 *
 * <p>Logging goes through the SLF4J API. Structured fields are attached with the fluent API,
 * {@code LOG.atInfo().addKeyValue(LogKey.RESOURCE_ID.key(), id).log("...")}, and their names come only from
 * {@link dev.lambdashield.rules.observe.LogKey}. The module ships a small SLF4J provider
 * ({@link dev.lambdashield.rules.observe.JsonLoggerProvider}) that writes one JSON object per line, so the Lambda
 * needs no logging framework at cold start. Metrics are CloudWatch Embedded Metric Format lines written by
 * {@link dev.lambdashield.rules.observe.Metrics}.
 *
 * <p>Nothing here logs environment-variable values or secrets; callers pass ids and outcomes only.
 */
package dev.lambdashield.rules.observe;
