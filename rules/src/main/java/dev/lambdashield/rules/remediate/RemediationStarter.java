package dev.lambdashield.rules.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.SsmApi;
import dev.lambdashield.rules.aws.StepFunctionsApi;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.redact.Redactor;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.ssm.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionRequest;
import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one remediation start: {@code StartAutomationExecution} for {@code auto} mode, or {@code StartExecution}
 * of the approval state machine for {@code approval} mode. Both requests carry keys from
 * {@link IdempotencyKeys}, so sending the same start twice never runs the remediation twice.
 */
final class RemediationStarter {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ASSUME_ROLE_PARAMETER = "AutomationAssumeRole";

    private final SsmApi ssm;
    private final StepFunctionsApi stepFunctions;
    private final RemediationSettings settings;
    private final boolean printOnly;
    private final Redactor redactor;

    /**
     * @param printOnly whether the APIs print instead of send (dry-run switch or dry-run invocation), so a
     *                  successful call is reported as {@link RemediationOutcome#DRY_RUN}
     */
    RemediationStarter(SsmApi ssm, StepFunctionsApi stepFunctions, RemediationSettings settings, boolean printOnly,
                       Redactor redactor) {
        this.ssm = ssm;
        this.stepFunctions = stepFunctions;
        this.settings = settings;
        this.printOnly = printOnly;
        this.redactor = redactor;
    }

    RemediationRecord startAutomation(ResourceDecision decision, PolicyMetadata policy,
                                      Map<String, List<String>> parameters, IdempotencyKeys keys) {
        Remediation remediation = policy.remediation();
        Map<String, List<String>> withRole = new LinkedHashMap<>(parameters);
        if (settings.automationAssumeRoleArn() != null && !withRole.containsKey(ASSUME_ROLE_PARAMETER)) {
            withRole.put(ASSUME_ROLE_PARAMETER, List.of(settings.automationAssumeRoleArn()));
        }
        String token = keys.clientToken();
        StartAutomationExecutionRequest request = StartAutomationExecutionRequest.builder()
                .documentName(remediation.document())
                .parameters(withRole)
                .clientToken(token)
                .build();
        try {
            StartAutomationExecutionResponse response = ssm.startAutomationExecution(request);
            return started(decision, policy, response.automationExecutionId(), token);
        } catch (AwsCallException e) {
            if (e.getCause() instanceof IdempotentParameterMismatchException) {
                return record(decision, policy, RemediationOutcome.ALREADY_STARTED,
                        "SSM already holds an execution for this client token", token);
            }
            return record(decision, policy, RemediationOutcome.FAILED, redactor.redact(e.getMessage()), token);
        }
    }

    RemediationRecord startApproval(ResourceDecision decision, PolicyMetadata policy,
                                    Map<String, List<String>> parameters, IdempotencyKeys keys, String findingId) {
        String name = keys.executionName(policy.id());
        StartExecutionRequest request = StartExecutionRequest.builder()
                .stateMachineArn(settings.approvalStateMachineArn())
                .name(name)
                .input(approvalInput(decision, policy, parameters, keys, findingId))
                .build();
        try {
            StartExecutionResponse response = stepFunctions.startExecution(request);
            return started(decision, policy, response.executionArn(), name);
        } catch (AwsCallException e) {
            if (e.getCause() instanceof ExecutionAlreadyExistsException) {
                return record(decision, policy, RemediationOutcome.ALREADY_STARTED,
                        "an execution with this name already exists", name);
            }
            return record(decision, policy, RemediationOutcome.FAILED, redactor.redact(e.getMessage()), name);
        }
    }

    /**
     * Builds the state machine's input. It contains no timestamp, so the same state gives the same input, which Step
     * Functions requires for a repeated name to be accepted as the same execution.
     */
    private String approvalInput(ResourceDecision decision, PolicyMetadata policy, Map<String, List<String>> parameters,
                                 IdempotencyKeys keys, String findingId) {
        ObjectNode input = JSON.createObjectNode();
        input.put("policyId", policy.id());
        input.put("policyVersion", policy.version());
        input.put("severity", policy.severity().name());
        input.put("resourceType", decision.resourceType());
        input.put("resourceId", decision.resourceId());
        input.put("resourceArn", decision.arn());
        input.put("findingId", findingId);
        input.put("document", policy.remediation().document());
        ObjectNode documentParameters = input.putObject("parameters");
        parameters.forEach((name, values) -> {
            ArrayNode array = documentParameters.putArray(name);
            values.forEach(array::add);
        });
        if (settings.automationAssumeRoleArn() != null) {
            input.put("automationAssumeRole", settings.automationAssumeRoleArn());
        }
        input.put("clientToken", keys.clientToken());
        JsonNode redacted = redactor.redact(input);
        return redacted.toString();
    }

    private RemediationRecord started(ResourceDecision decision, PolicyMetadata policy, String executionId,
                                      String key) {
        if (printOnly) {
            return record(decision, policy, RemediationOutcome.DRY_RUN, "request printed, not sent", key);
        }
        return record(decision, policy, RemediationOutcome.STARTED, "execution " + executionId, key);
    }

    static RemediationRecord record(ResourceDecision decision, PolicyMetadata policy, RemediationOutcome outcome,
                                    String reason, String key) {
        String mode = policy.remediation() == null ? "none"
                : policy.remediation().mode().name().toLowerCase(java.util.Locale.ROOT);
        return new RemediationRecord(policy.id(), decision.resourceId(), mode, outcome, reason, key);
    }
}
