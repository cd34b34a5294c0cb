package dev.lambdashield.rules.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * A parsed AWS Config rule invocation.
 *
 * @param messageType       the invoking event's message type
 * @param invokingEvent     the invoking event, parsed from its JSON string
 * @param ruleParameters    the rule's parameters as strings; empty when the event has none
 * @param resultToken       the token {@code PutEvaluations} requires
 * @param eventLeftScope    whether the resource left the rule's scope
 * @param ruleName          the Config rule name
 * @param ruleArn           the Config rule ARN, or {@code null}
 * @param accountId         the account of the rule
 * @param notificationTime  {@code notificationCreationTime} of the invoking event
 */
public record RuleEvent(MessageType messageType, JsonNode invokingEvent, Map<String, String> ruleParameters,
                        String resultToken, boolean eventLeftScope, String ruleName, String ruleArn, String accountId,
                        Instant notificationTime) {

    public RuleEvent {
        ruleParameters = Map.copyOf(ruleParameters);
    }

    /** The region of the rule, taken from its ARN, or {@code null} when the event carries no ARN. */
    public String ruleRegion() {
        if (ruleArn == null) {
            return null;
        }
        String[] parts = ruleArn.split(":", 6);
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
    }
}
