/**
 * AWS access: one small interface per AWS service the rule calls, each with one SDK implementation, plus the
 * shared mechanics every call goes through.
 *
 * <ul>
 *   <li>{@link dev.lambdashield.rules.aws.AwsClients} builds SDK clients from explicit region, endpoint and
 *       credentials, with the URL-connection HTTP client and the SDK's own retries off (so {@link
 *       dev.lambdashield.rules.aws.Retry} is the only retry layer).</li>
 *   <li>{@link dev.lambdashield.rules.aws.Retry} retries throttling, 5xx and I/O failures with exponential
 *       backoff and full jitter, never past the {@link dev.lambdashield.rules.aws.Deadline}.</li>
 *   <li>{@link dev.lambdashield.rules.aws.DryRun} stands between the rule and every AWS write: when enabled it
 *       prints the request as one JSON line ({@code service}, {@code operation}, {@code request}) and sends
 *       nothing. Reads are always sent, because later steps need their answers.</li>
 * </ul>
 *
 * <p>To add a service: declare an interface taking and returning the SDK's request and response types
 * (see {@link dev.lambdashield.rules.aws.ConfigApi}), implement it over the SDK client with every call wrapped
 * in {@code retry.call(...)}, and route each write through {@code dryRun.write(...)}.
 */
package dev.lambdashield.rules.aws;
