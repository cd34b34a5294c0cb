package dev.lambdashield.rules.report;

import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.redact.Redactor;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.Evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns decisions into Config evaluations: reportable ones only, one per resource (the last decision wins). */
public final class EvaluationMapper {

    private EvaluationMapper() {
    }

    public static List<Evaluation> toEvaluations(List<ResourceDecision> decisions) {
        Map<String, Evaluation> byResource = new LinkedHashMap<>();
        for (ResourceDecision decision : decisions) {
            if (!decision.compliance().isReportable()) {
                continue;
            }
            byResource.put(decision.resourceType() + "\u0000" + decision.resourceId(), toEvaluation(decision));
        }
        return new ArrayList<>(byResource.values());
    }

    public static Evaluation toEvaluation(ResourceDecision decision) {
        String annotation = Annotations.of(decision);
        if (annotation != null) {
            // Policy messages may quote configuration values; redaction runs before the length cut is final.
            annotation = Annotations.truncate(Redactor.shared().redact(annotation));
        }
        return Evaluation.builder()
                .complianceResourceType(decision.resourceType())
                .complianceResourceId(decision.resourceId())
                .complianceType(ComplianceType.fromValue(decision.compliance().name()))
                .annotation(annotation)
                .orderingTimestamp(decision.orderingTimestamp())
                .build();
    }
}
