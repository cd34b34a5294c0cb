package dev.lambdashield.rules.reliability;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import java.util.function.Function;

/**
 * A way an AWS call can fail, as the stand-in server produces it, and how many times in a row a transient
 * version of it fails before the call works.
 */
enum FaultKind {

    /** A storm of throttling: every attempt but the last of the retry policy is throttled. */
    THROTTLING(AwsStandIn.FAST.maxAttempts() - 1, ok -> AwsStandIn.error(400, "ThrottlingException")),
    TOO_MANY_REQUESTS(AwsStandIn.FAST.maxAttempts() - 1, ok -> AwsStandIn.error(429, "TooManyRequestsException")),
    INTERNAL_ERROR(2, ok -> AwsStandIn.error(500, "InternalFailure")),
    SERVICE_UNAVAILABLE(2, ok -> AwsStandIn.error(503, "ServiceUnavailable")),
    /** A correct response that arrives after the client's per-attempt timeout. */
    SLOW_RESPONSE(1, ok -> ok.withFixedDelay(AwsStandIn.SLOW_MILLIS)),
    CONNECTION_RESET(2, ok -> AwsStandIn.fault(Fault.CONNECTION_RESET_BY_PEER)),
    EMPTY_RESPONSE(2, ok -> AwsStandIn.fault(Fault.EMPTY_RESPONSE)),
    MALFORMED_CHUNK(2, ok -> AwsStandIn.fault(Fault.MALFORMED_RESPONSE_CHUNK)),
    /** A 200 response whose JSON body is cut off. */
    TRUNCATED_BODY(2, ok -> AwsStandIn.ok("{\"FailedEvaluations\":[{\"ComplianceResourceId\":")),
    /** A 200 response that is not JSON at all. */
    HTML_BODY(2, ok -> AwsStandIn.ok("<html><body>502 Bad Gateway</body></html>"));

    private final int transientCount;
    private final Function<ResponseDefinitionBuilder, ResponseDefinitionBuilder> response;

    FaultKind(int transientCount, Function<ResponseDefinitionBuilder, ResponseDefinitionBuilder> response) {
        this.transientCount = transientCount;
        this.response = response;
    }

    /** Failed attempts before the transient version of this fault lets a call through. */
    int transientCount() {
        return transientCount;
    }

    /** The faulty response for a call whose working response is {@code success}. */
    ResponseDefinitionBuilder response(ResponseDefinitionBuilder success) {
        return response.apply(ResponseDefinitionBuilder.like(success.build()));
    }
}
