package dev.lambdashield.deploy;

import dev.lambdashield.rules.deployment.RemediationTarget;
import dev.lambdashield.rules.deployment.RemediationTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkField;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * The SSM Automation documents in deploy/ssm: their structure, their variable references, and every AWS API step
 * checked against the AWS SDK for Java v2 model of that service.
 */
class SsmDocumentTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
    /** Built-in automation variables a document may use without declaring them. */
    private static final Set<String> BUILT_IN_PREFIXES = Set.of("global:", "automation:");
    private static final Set<String> LOOP_VARIABLES = Set.of("CurrentIteratorValue", "CurrentIteration");
    private static final Set<String> VERIFY_ACTIONS = Set.of("aws:assertAwsResourceProperty", "aws:executeScript");

    static List<Path> documents() {
        return DeployFiles.ssmDocumentFiles();
    }

    @Test
    void everyDeployedDocumentHasAFile() {
        Set<String> files = new TreeSet<>();
        for (Path file : documents()) {
            files.add(file.getFileName().toString());
        }
        Set<String> targets = new TreeSet<>();
        for (RemediationTarget target : RemediationTargets.all()) {
            if (!target.awsOwned()) {
                targets.add(target.file());
            }
        }
        assertEquals(targets, files, "deploy/ssm and RemediationTargets list different documents");
        assertEquals(7, files.size());
    }

    @Test
    void templateDeploysEveryDocumentUnderItsName() {
        Template template = Template.load();
        for (RemediationTarget target : RemediationTargets.all()) {
            if (target.awsOwned()) {
                assertFalse(template.resources().containsKey(String.valueOf(target.documentLogicalId())));
                continue;
            }
            assertEquals("AWS::SSM::Document", template.type(target.documentLogicalId()));
            Map<String, Object> properties = template.properties(target.documentLogicalId());
            assertEquals(target.documentName(), properties.get("Name"));
            assertEquals("Automation", properties.get("DocumentType"));
            Map<String, Object> transform = Template.asMap(
                    Template.asMap(properties.get("Content"), "Content").get("Fn::Transform"), "Fn::Transform");
            assertEquals("AWS::Include", transform.get("Name"));
            assertEquals("ssm/" + target.file(), Template.asMap(transform.get("Parameters"), "p").get("Location"));
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void documentHeaderIsComplete(Path file) {
        Map<String, Object> document = DeployFiles.ssmDocument(file);
        assertEquals("0.3", document.get("schemaVersion"), file + ": schemaVersion");
        assertEquals("{{ AutomationAssumeRole }}", document.get("assumeRole"), file + ": assumeRole");
        String description = String.valueOf(document.get("description"));
        assertTrue(description.startsWith("# " + documentName(file)), file + ": description must open with the name");
        assertTrue(description.toLowerCase().contains("undo"), file + ": description must say how to undo");
        Map<String, Object> parameters = Template.asMap(document.get("parameters"), file + " parameters");
        Map<String, Object> role = Template.asMap(parameters.get("AutomationAssumeRole"), "AutomationAssumeRole");
        assertEquals("AWS::IAM::Role::Arn", role.get("type"), file + ": AutomationAssumeRole type");
        parameters.forEach((name, spec) ->
                assertNotNull(Template.asMap(spec, name).get("description"), file + ": parameter " + name + " description"));
        assertFalse(Template.listOf(document.get("outputs")).isEmpty(), file + ": outputs");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void documentEndsWithAVerification(Path file) {
        List<Map<String, Object>> steps = SsmDocuments.mainSteps(DeployFiles.ssmDocument(file));
        Map<String, Object> last = steps.get(steps.size() - 1);
        assertTrue(String.valueOf(last.get("name")).startsWith("Verify"), file + ": last step " + last.get("name"));
        assertTrue(VERIFY_ACTIONS.contains(last.get("action")), file + ": verification action " + last.get("action"));
        assertEquals(Boolean.TRUE, last.get("isEnd"), file + ": the verification ends the document");
        for (Map<String, Object> step : steps) {
            assertEquals("Abort", step.getOrDefault("onFailure", "Abort"), file + ": " + step.get("name")
                    + " must abort on failure, so a failed change is never reported as success");
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void stepNamesAndJumpsResolve(Path file) {
        Map<String, Object> document = DeployFiles.ssmDocument(file);
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> step : SsmDocuments.allSteps(document)) {
            assertTrue(names.add(String.valueOf(step.get("name"))), file + ": duplicate step " + step.get("name"));
        }
        for (Map<String, Object> step : SsmDocuments.allSteps(document)) {
            List<Object> targets = new ArrayList<>();
            Optional.ofNullable(step.get("nextStep")).ifPresent(targets::add);
            if ("aws:branch".equals(step.get("action"))) {
                Map<String, Object> inputs = SsmDocuments.inputs(step);
                targets.add(inputs.get("Default"));
                for (Object choice : Template.asList(inputs.get("Choices"), "Choices")) {
                    targets.add(Template.asMap(choice, "choice").get("NextStep"));
                }
            }
            for (Object target : targets) {
                assertTrue(names.contains(String.valueOf(target)), file + ": " + step.get("name") + " jumps to " + target);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void variablesAreDeclaredBeforeUse(Path file) {
        Map<String, Object> document = DeployFiles.ssmDocument(file);
        Set<String> parameters = Template.asMap(document.get("parameters"), "parameters").keySet();
        Map<String, Set<String>> available = new HashMap<>();
        Set<String> usedParameters = new TreeSet<>(Set.of("AutomationAssumeRole"));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> step : SsmDocuments.allSteps(document)) {
            String name = String.valueOf(step.get("name"));
            for (String variable : variables(step.get("inputs"))) {
                checkVariable(variable, name, parameters, available, usedParameters, problems);
            }
            Set<String> outputs = new TreeSet<>(SsmDocuments.outputNames(step));
            if ("aws:loop".equals(step.get("action"))) {
                outputs.addAll(LOOP_VARIABLES);
            }
            available.put(name, outputs);
        }
        for (Object output : Template.listOf(document.get("outputs"))) {
            checkVariable(String.valueOf(output), "outputs", parameters, available, usedParameters, problems);
        }
        assertEquals(List.of(), problems, file + ": undeclared variables");
        assertEquals(new TreeSet<>(parameters), usedParameters, file + ": declared parameters that no step uses");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void apiStepsNameRealOperationsAndMembers(Path file) {
        List<String> problems = new ArrayList<>();
        int apiSteps = 0;
        for (Map<String, Object> step : SsmDocuments.allSteps(DeployFiles.ssmDocument(file))) {
            if (!SsmDocuments.API_ACTIONS.contains(step.get("action"))) {
                continue;
            }
            apiSteps++;
            checkApiStep(step, problems);
        }
        assertTrue(apiSteps > 0, file + " has no AWS API step");
        assertEquals(List.of(), problems, file.getFileName().toString());
    }

    @Test
    void scriptCallsAreRealOperations() {
        Set<String> all = new TreeSet<>();
        for (Path file : documents()) {
            all.addAll(SsmDocuments.iamActions(DeployFiles.ssmDocument(file)));
        }
        assertTrue(all.containsAll(Set.of("lambda:GetFunctionConcurrency", "lambda:GetPolicy",
                "lambda:GetFunctionConfiguration")), "boto3 calls in scripts were not found: " + all);
        assertEquals(Set.of("lambda:GetFunctionConcurrency"),
                SsmDocuments.scriptActions("x = boto3.client(\"lambda\").get_function_concurrency(A=1)\nx.get(\"B\")"));
    }

    @Test
    void memberCheckRejectsUnknownMembers() {
        Map<String, Object> step = Map.of("name", "Bad", "action", "aws:executeAwsApi", "inputs",
                Map.of("Service", "lambda", "Api", "PutFunctionConcurrency", "FunctionName", "f",
                        "ReservedConcurrency", "1", "DeadLetterConfig", Map.of("Target", "x")));
        List<String> problems = new ArrayList<>();
        checkApiStep(step, problems);
        assertEquals(Set.of("Bad: PutFunctionConcurrency has no member ReservedConcurrency",
                "Bad: PutFunctionConcurrency has no member DeadLetterConfig"), new TreeSet<>(problems));

        List<String> nested = new ArrayList<>();
        checkApiStep(Map.of("name", "Nested", "action", "aws:executeAwsApi", "inputs", Map.of("Service", "lambda",
                "Api", "UpdateFunctionConfiguration", "FunctionName", "f", "DeadLetterConfig", Map.of("Target", "x"))),
                nested);
        assertEquals(List.of("Nested: UpdateFunctionConfiguration.DeadLetterConfig has no member Target"), nested);

        List<String> unknown = new ArrayList<>();
        checkApiStep(Map.of("name", "Op", "action", "aws:executeAwsApi", "inputs",
                Map.of("Service", "lambda", "Api", "QuarantineFunction")), unknown);
        assertEquals(List.of("Op: lambda has no operation QuarantineFunction"), unknown);
    }

    private static void checkApiStep(Map<String, Object> step, List<String> problems) {
        String name = String.valueOf(step.get("name"));
        Map<String, Object> inputs = SsmDocuments.inputs(step);
        String service = String.valueOf(inputs.get("Service"));
        String api = String.valueOf(inputs.get("Api"));
        Optional<SdkModel> model = SdkModel.forService(service);
        if (model.isEmpty()) {
            problems.add(name + ": no AWS SDK model for service " + service);
            return;
        }
        Optional<Map<String, SdkField<?>>> members = model.get().requestMembers(api);
        if (members.isEmpty()) {
            problems.add(name + ": " + service + " has no operation " + api);
            return;
        }
        for (Map.Entry<String, Object> input : inputs.entrySet()) {
            if (!SsmDocuments.NON_MEMBER_INPUTS.contains(input.getKey())) {
                checkMember(name + ": " + api, members.get(), input.getKey(), input.getValue(), problems);
            }
        }
        Map<String, SdkField<?>> response = model.get().responseMembers(api).orElseThrow();
        Object selector = inputs.get("PropertySelector");
        if (selector != null) {
            checkSelector(name + ": " + api + " response", response, String.valueOf(selector), problems);
        }
        for (Object output : Template.listOf(step.get("outputs"))) {
            String outputSelector = String.valueOf(Template.asMap(output, name).get("Selector"));
            checkSelector(name + ": " + api + " response", response, outputSelector, problems);
        }
    }

    private static void checkMember(String where, Map<String, SdkField<?>> members, String member, Object value,
                                    List<String> problems) {
        SdkField<?> field = members.get(member);
        if (field == null) {
            problems.add(where + " has no member " + member);
            return;
        }
        Optional<Map<String, SdkField<?>>> nested = SdkModel.nestedMembers(field);
        if (value instanceof Map<?, ?> map && nested.isPresent() && !SdkModel.isMap(field)) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                checkMember(where + "." + member, nested.get(), String.valueOf(entry.getKey()), entry.getValue(), problems);
            }
        }
    }

    /** Checks a JSONPath like {@code $.Concurrency.ReservedConcurrentExecutions} against the response's members. */
    static void checkSelector(String where, Map<String, SdkField<?>> members, String selector, List<String> problems) {
        if (!selector.startsWith("$.")) {
            problems.add(where + ": selector " + selector + " does not start with $.");
            return;
        }
        Map<String, SdkField<?>> current = members;
        for (String segment : selector.substring(2).split("\\.")) {
            String member = segment.replaceAll("\\[.*]$", "");
            SdkField<?> field = current == null ? null : current.get(member);
            if (field == null) {
                problems.add(where + " has no member " + member + " (selector " + selector + ")");
                return;
            }
            current = SdkModel.nestedMembers(field).orElse(null);
        }
    }

    private static void checkVariable(String variable, String step, Set<String> parameters,
                                      Map<String, Set<String>> available, Set<String> usedParameters,
                                      List<String> problems) {
        if (BUILT_IN_PREFIXES.stream().anyMatch(variable::startsWith)) {
            return;
        }
        int dot = variable.indexOf('.');
        if (dot < 0) {
            if (parameters.contains(variable)) {
                usedParameters.add(variable);
            } else {
                problems.add(step + ": {{ " + variable + " }} is not a declared parameter");
            }
            return;
        }
        Set<String> outputs = available.get(variable.substring(0, dot));
        if (outputs == null || !outputs.contains(variable.substring(dot + 1))) {
            problems.add(step + ": {{ " + variable + " }} is not an output of an earlier step");
        }
    }

    /** Collects the {@code {{ name }}} references in a value, leaving out scripts and a loop's nested steps. */
    private static List<String> variables(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!"Script".equals(entry.getKey()) && !"Steps".equals(entry.getKey())) {
                    names.addAll(variables(entry.getKey()));
                    names.addAll(variables(entry.getValue()));
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(element -> names.addAll(variables(element)));
        } else if (value != null) {
            Matcher matcher = VARIABLE.matcher(String.valueOf(value));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static String documentName(Path file) {
        String fileName = file.getFileName().toString();
        return RemediationTargets.all().stream().filter(t -> fileName.equals(t.file())).findFirst()
                .map(RemediationTarget::documentName).orElse("(no target for " + fileName + ")");
    }
}
