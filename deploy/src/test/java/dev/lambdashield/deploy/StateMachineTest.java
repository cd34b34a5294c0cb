package dev.lambdashield.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.deployment.RemediationTarget;
import dev.lambdashield.rules.deployment.RemediationTargets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ssm.model.AutomationExecutionStatus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/statemachine/response.asl.json: structure, AWS SDK integrations, and that failures never end in success. */
class StateMachineTest {

    private static final String SDK_PREFIX = "arn:aws:states:::aws-sdk:";
    private static final Set<String> SNS_PUBLISH = Set.of(
            "arn:aws:states:::sns:publish", "arn:aws:states:::sns:publish.waitForTaskToken");
    private static final Set<String> STATES_ERRORS = Set.of("States.ALL", "States.Timeout", "States.TaskFailed");
    /** The approver's rejection: the only caught error that may end in a Succeed state, because nothing ran. */
    private static final String REJECTED = "LambdaShield.Rejected";
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTRINSIC = Pattern.compile("States\\.(\\w+)\\(");
    /** The intrinsic functions of the Amazon States Language. */
    private static final Set<String> INTRINSICS = Set.of("Format", "StringToJson", "JsonToString", "Array",
            "ArrayPartition", "ArrayContains", "ArrayRange", "ArrayGetItem", "ArrayLength", "ArrayUnique",
            "Base64Encode", "Base64Decode", "Hash", "JsonMerge", "MathRandom", "MathAdd", "StringSplit", "UUID");

    private static JsonNode definition;
    private static StateMachineGraph graph;
    private static Template template;

    @BeforeAll
    static void load() {
        definition = DeployFiles.stateMachine();
        graph = new StateMachineGraph(definition);
        template = Template.load();
    }

    @Test
    void everyTransitionTargetExists() {
        assertTrue(graph.names().contains(definition.path("StartAt").asText()), "StartAt");
        for (String name : graph.names()) {
            for (String next : graph.successors(name)) {
                assertFalse(graph.state(next).isMissingNode(), name + " moves to missing state " + next);
            }
        }
    }

    @Test
    void everyStateIsReachableAndWellFormed() {
        Set<String> reachable = graph.reachable(definition.path("StartAt").asText());
        assertEquals(new TreeSet<>(graph.names()), new TreeSet<>(reachable), "unreachable states");
        for (String name : graph.names()) {
            JsonNode state = graph.state(name);
            String type = state.path("Type").asText();
            switch (type) {
                case "Task", "Pass", "Wait" -> assertTrue(state.has("Next") ^ state.path("End").asBoolean(),
                        name + " needs exactly one of Next or End");
                case "Choice" -> assertTrue(state.path("Choices").size() > 0, name + " has no choices");
                case "Succeed", "Fail" -> assertFalse(state.has("Next"), name + " is terminal");
                default -> throw new AssertionError(name + " has unsupported type " + type);
            }
        }
        assertTrue(graph.names().size() > 40, "expected the full response flow");
    }

    @Test
    void everyTaskIsARealIntegration() {
        List<String> problems = new ArrayList<>();
        int sdkTasks = 0;
        for (String name : graph.names()) {
            JsonNode state = graph.state(name);
            if (!graph.isType(name, "Task")) {
                continue;
            }
            String resource = state.path("Resource").asText();
            if (SNS_PUBLISH.contains(resource)) {
                checkParameters(name, SdkModel.forService("sns").orElseThrow(), "Publish", state, problems);
            } else if (resource.startsWith(SDK_PREFIX)) {
                sdkTasks++;
                String[] parts = resource.substring(SDK_PREFIX.length()).split(":");
                Optional<SdkModel> model = SdkModel.forService(parts[0]);
                if (model.isEmpty()) {
                    problems.add(name + ": no SDK model for " + parts[0]);
                    continue;
                }
                checkParameters(name, model.get(), parts[1], state, problems);
                checkResultSelector(name, model.get(), parts[1], state, problems);
                checkErrorNames(name, model.get(), state, problems);
            } else {
                problems.add(name + ": unsupported resource " + resource);
            }
        }
        assertTrue(sdkTasks >= 6, "expected the SSM, Config and Security Hub calls, found " + sdkTasks);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTaskFailureEscalates() {
        for (String name : graph.names()) {
            if (!graph.isType(name, "Task")) {
                continue;
            }
            List<String> caught = new ArrayList<>();
            for (JsonNode catcher : graph.state(name).path("Catch")) {
                catcher.path("ErrorEquals").forEach(e -> caught.add(e.asText()));
                if (contains(catcher.path("ErrorEquals"), REJECTED)) {
                    continue;
                }
                Set<String> after = graph.reachable(catcher.path("Next").asText());
                assertTrue(after.stream().noneMatch(s -> graph.isType(s, "Succeed")),
                        name + ": a caught failure can reach a Succeed state via " + after);
                assertTrue(after.stream().anyMatch(s -> graph.isType(s, "Fail")), name + ": a caught failure must fail");
            }
            assertTrue(caught.contains("States.ALL"), name + " does not catch States.ALL");
        }
    }

    @Test
    void failedAutomationNeverReachesSuccess() {
        int checked = 0;
        for (String status : AutomationExecutionStatus.knownValues().stream().map(Object::toString).toList()) {
            ObjectNode input = JSON.createObjectNode();
            input.putObject("automationStatus").put("status", status);
            String next = graph.choose("CheckAutomationStatus", input);
            assertNotNull(next, status);
            Set<String> after = graph.reachable(next, graph::successors, "CheckAutomationStatus"::equals);
            boolean succeeds = after.stream().anyMatch(s -> graph.isType(s, "Succeed"));
            assertEquals(status.equals("Success"), succeeds,
                    "status " + status + " leads to " + next + (succeeds ? " and can end in success" : ""));
            checked++;
        }
        assertTrue(checked > 10, "expected every AutomationExecutionStatus value");
    }

    @Test
    void successNeedsConfirmedCompliance() {
        Set<String> unconfirmed = graph.reachable("ReEvaluate",
                name -> name.equals("IsCompliant") ? List.of(graph.state(name).path("Default").asText())
                        : graph.successors(name),
                "GetCompliance"::equals);
        assertTrue(unconfirmed.stream().noneMatch(s -> graph.isType(s, "Succeed")),
                "without COMPLIANT from AWS Config the response must not succeed: " + unconfirmed);
        assertTrue(graph.reachable("ReEvaluate").contains("Remediated"), "confirmed compliance reaches Remediated");
    }

    @Test
    void comparedAutomationStatusesAreReal() {
        List<String> compared = new ArrayList<>();
        collectStringEquals(graph.state("CheckAutomationStatus").path("Choices"), compared);
        SdkModel ssm = SdkModel.forService("ssm").orElseThrow();
        assertTrue(compared.size() >= 5, "expected the status comparisons: " + compared);
        for (String status : compared) {
            assertTrue(ssm.isEnumValue("AutomationExecutionStatus", status), status + " is not an automation status");
        }
    }

    @Test
    void approvalWaitsForATokenAndEscalatesOnTimeout() {
        JsonNode approval = graph.state("RequestApproval");
        assertEquals("arn:aws:states:::sns:publish.waitForTaskToken", approval.path("Resource").asText());
        assertEquals("$$.Task.Token", approval.path("Parameters").path("Message").path("taskToken.$").asText());
        assertTrue(approval.has("TimeoutSecondsPath") || approval.has("TimeoutSeconds"), "approval needs a timeout");
        String onTimeout = null;
        for (JsonNode catcher : approval.path("Catch")) {
            if (contains(catcher.path("ErrorEquals"), "States.Timeout")) {
                onTimeout = catcher.path("Next").asText();
            }
        }
        assertNotNull(onTimeout, "a timeout must be caught");
        assertEquals("${EscalationTopicArn}", graph.state(onTimeout).path("Parameters").path("TopicArn").asText());
    }

    @Test
    void substitutionsMatchTheTemplate() {
        Set<String> used = new TreeSet<>();
        Matcher matcher = SUBSTITUTION.matcher(DeployFiles.read(DeployFiles.stateMachinePath()));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        Map<String, Object> substitutions = Template.asMap(
                template.properties("ResponseStateMachine").get("DefinitionSubstitutions"), "DefinitionSubstitutions");
        assertEquals(new TreeSet<>(substitutions.keySet()), used, "substitutions used and defined differ");
        assertEquals(Map.of("Ref", "AlertTopic"), substitutions.get("AlertTopicArn"));
        assertEquals(Map.of("Ref", "EscalationTopic"), substitutions.get("EscalationTopicArn"));
        assertEquals("AWS::SNS::Topic", template.type("AlertTopic"));
        assertEquals("AWS::SNS::Topic", template.type("EscalationTopic"));
    }

    @Test
    void everyDocumentRunsWithItsOwnRole() {
        Map<String, Object> substitutions = Template.asMap(
                template.properties("ResponseStateMachine").get("DefinitionSubstitutions"), "DefinitionSubstitutions");
        JsonNode choices = graph.state("SelectRole").path("Choices");
        assertEquals(RemediationTargets.all().size(), choices.size(), "one choice per document");
        for (RemediationTarget target : RemediationTargets.all()) {
            String roleState = null;
            for (JsonNode choice : choices) {
                if (choice.path("StringEquals").asText().equals(target.documentName())) {
                    roleState = choice.path("Next").asText();
                }
            }
            assertNotNull(roleState, "SelectRole has no choice for " + target.documentName());
            String variable = target.roleLogicalId() + "Arn";
            assertEquals("${" + variable + "}",
                    graph.state(roleState).path("Result").path("AutomationAssumeRole").path(0).asText());
            assertEquals(Map.of("Fn::GetAtt", List.of(target.roleLogicalId(), "Arn")), substitutions.get(variable));
            checkStackSupplied(graph.state(roleState).path("Result"), substitutions);
        }
    }

    @Test
    void roleAllowsEveryIntegration() {
        Set<String> allowed = new TreeSet<>();
        for (PolicyStatement statement : PolicyStatement.all(template)) {
            if (statement.holder().equals("ResponseStateMachineRole") && statement.allows()) {
                allowed.addAll(statement.actions());
            }
        }
        for (String name : graph.names()) {
            String resource = graph.state(name).path("Resource").asText("");
            String action = null;
            if (resource.startsWith(SDK_PREFIX)) {
                String[] parts = resource.substring(SDK_PREFIX.length()).split(":");
                action = parts[0] + ":" + SdkModel.pascalCase(parts[1]);
            } else if (SNS_PUBLISH.contains(resource)) {
                action = "sns:Publish";
            }
            if (action != null) {
                assertTrue(allowed.contains(action), name + " calls " + action + ", which the role does not allow");
            }
        }
    }

    @Test
    void dynamicValuesArePathsOrIntrinsics() {
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        for (String name : graph.names()) {
            forEachDynamicValue(graph.state(name), value -> {
                checked[0]++;
                Matcher intrinsic = INTRINSIC.matcher(value);
                if (value.startsWith("$")) {
                    return;
                }
                if (!value.startsWith("States.")) {
                    problems.add(name + ": " + value + " is neither a path nor an intrinsic function");
                }
                while (intrinsic.find()) {
                    if (!INTRINSICS.contains(intrinsic.group(1))) {
                        problems.add(name + ": unknown intrinsic function States." + intrinsic.group(1));
                    }
                }
            });
        }
        assertTrue(checked[0] > 50, "expected dynamic values, found " + checked[0]);
        assertEquals(List.of(), problems);
    }

    @Test
    void choiceEvaluatorFollowsTheRules() {
        ObjectNode critical = JSON.createObjectNode();
        critical.putObject("finding").putObject("Severity").put("Label", "CRITICAL");
        assertEquals("NotifyEscalation", graph.choose("Triage", critical));
        ObjectNode low = JSON.createObjectNode();
        low.putObject("finding").putObject("Severity").put("Label", "LOW");
        assertEquals("NotifyAlert", graph.choose("Triage", low));
        assertEquals("EscalateInvalidInput", graph.choose("DetectSource", JSON.createObjectNode()));
    }

    /** Parameters a role state adds besides the role come from stack parameters of the same name. */
    private static void checkStackSupplied(JsonNode result, Map<String, Object> substitutions) {
        result.fields().forEachRemaining(entry -> {
            if (entry.getKey().equals("AutomationAssumeRole")) {
                return;
            }
            Matcher matcher = SUBSTITUTION.matcher(entry.getValue().path(0).asText());
            assertTrue(matcher.matches(), entry.getKey() + " must be one substitution");
            String variable = matcher.group(1);
            assertEquals(Map.of("Ref", variable), substitutions.get(variable), entry.getKey());
            assertTrue(template.section("Parameters").containsKey(variable), variable + " must be a stack parameter");
        });
    }

    private static void checkParameters(String name, SdkModel model, String operation, JsonNode state,
                                        List<String> problems) {
        Optional<Map<String, SdkField<?>>> members = model.requestMembers(operation);
        if (members.isEmpty()) {
            problems.add(name + ": " + model.service() + " has no operation " + operation);
            return;
        }
        checkObject(name + ": " + operation, members.get(), state.path("Parameters"), problems);
    }

    private static void checkObject(String where, Map<String, SdkField<?>> members, JsonNode parameters,
                                    List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String member = entry.getKey().endsWith(".$")
                    ? entry.getKey().substring(0, entry.getKey().length() - 2) : entry.getKey();
            SdkField<?> field = members.get(member);
            if (field == null) {
                problems.add(where + " has no member " + member);
                continue;
            }
            Optional<Map<String, SdkField<?>>> nested = SdkModel.nestedMembers(field);
            if (nested.isEmpty() || SdkModel.isMap(field)) {
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                checkObject(where + "." + member, nested.get(), value, problems);
            } else if (value.isArray()) {
                value.forEach(element -> checkObject(where + "." + member, nested.get(), element, problems));
            }
        }
    }

    private static void checkResultSelector(String name, SdkModel model, String operation, JsonNode state,
                                            List<String> problems) {
        Map<String, SdkField<?>> response = model.responseMembers(operation).orElseThrow();
        state.path("ResultSelector").fields().forEachRemaining(entry -> {
            String path = entry.getValue().asText();
            if (entry.getKey().endsWith(".$") && path.startsWith("$.")) {
                SsmDocumentTest.checkSelector(name + ": " + operation + " response", response, path, problems);
            }
        });
    }

    private static void checkErrorNames(String name, SdkModel model, JsonNode state, List<String> problems) {
        List<JsonNode> handlers = new ArrayList<>();
        state.path("Retry").forEach(handlers::add);
        state.path("Catch").forEach(handlers::add);
        String prefix = prefixOf(model.service());
        for (JsonNode handler : handlers) {
            for (JsonNode error : handler.path("ErrorEquals")) {
                String text = error.asText();
                if (STATES_ERRORS.contains(text)) {
                    continue;
                }
                if (!text.startsWith(prefix + ".") || !model.hasError(text.substring(prefix.length() + 1))) {
                    problems.add(name + ": " + text + " is not an error of " + model.service()
                            + " (expected " + prefix + ".<Exception> naming an SDK exception class)");
                }
            }
        }
    }

    /** Step Functions' error prefix: the integration's service name in Pascal case. */
    private static String prefixOf(String service) {
        return switch (service) {
            case "securityhub" -> "SecurityHub";
            case "ssm" -> "Ssm";
            case "config" -> "Config";
            default -> SdkModel.pascalCase(service);
        };
    }

    private static void collectStringEquals(JsonNode rules, List<String> values) {
        for (JsonNode rule : rules) {
            if (rule.has("StringEquals")) {
                values.add(rule.path("StringEquals").asText());
            }
            collectStringEquals(rule.path("Or"), values);
            collectStringEquals(rule.path("And"), values);
        }
    }

    /** Calls {@code check} with the value of every field whose name ends in {@code .$}, at any depth. */
    private static void forEachDynamicValue(JsonNode node, java.util.function.Consumer<String> check) {
        node.fields().forEachRemaining(entry -> {
            if (entry.getKey().endsWith(".$")) {
                check.accept(entry.getValue().asText());
            }
            forEachDynamicValue(entry.getValue(), check);
        });
        if (node.isArray()) {
            node.forEach(element -> forEachDynamicValue(element, check));
        }
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (element.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
