package dev.lambdashield.rules.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.Evaluation;
import software.amazon.awssdk.services.config.model.PutEvaluationsRequest;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SdkJsonTest {

    @Test
    void request_wireNamesAndIsoTimes() {
        PutEvaluationsRequest request = PutEvaluationsRequest.builder().resultToken("t")
                .evaluations(Evaluation.builder().complianceResourceType("AWS::Lambda::Function")
                        .complianceResourceId("fn").complianceType(ComplianceType.NON_COMPLIANT)
                        .orderingTimestamp(Instant.parse("2026-12-01T08:00:00.250Z")).build())
                .build();

        ObjectNode json = SdkJson.toJson(request);

        assertEquals("t", json.get("ResultToken").asText());
        assertEquals("NON_COMPLIANT", json.get("Evaluations").get(0).get("ComplianceType").asText());
        assertEquals("2026-12-01T08:00:00.250Z", json.get("Evaluations").get(0).get("OrderingTimestamp").asText());
        assertFalse(json.get("Evaluations").get(0).has("Annotation"), "unset members are left out");
        assertFalse(json.has("TestMode"));
    }
}
