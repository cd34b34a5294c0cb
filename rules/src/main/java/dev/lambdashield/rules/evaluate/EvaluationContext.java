package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.time.Instant;

/**
 * {@code input.context}: where and when an evaluation runs.
 *
 * @param accountId      the account of the resources
 * @param region         the region of the resources
 * @param ruleName       the Config rule name ({@code null} outside Config, e.g. a CLI scan)
 * @param messageType    the invoking event's message type ({@code null} outside Config)
 * @param evaluationTime when the evaluation runs; policies use it for dates such as runtime deprecation
 */
public record EvaluationContext(String accountId, String region, String ruleName, String messageType,
                                Instant evaluationTime) {

    /** The context as the Rego object policies read. */
    public ObjectValue toValue() {
        return ObjectValue.builder()
                .put("accountId", text(accountId))
                .put("region", text(region))
                .put("ruleName", text(ruleName))
                .put("messageType", text(messageType))
                .put("evaluationTime", text(evaluationTime == null ? null : evaluationTime.toString()))
                .build();
    }

    private static Value text(String value) {
        return value == null ? NullValue.INSTANCE : StringValue.of(value);
    }
}
