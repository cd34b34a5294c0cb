package dev.lambdashield.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the steps of an SSM Automation document and the AWS API calls they make. */
final class SsmDocuments {

    /** Actions that call an AWS API named by {@code Service} and {@code Api} inputs. */
    static final Set<String> API_ACTIONS = Set.of(
            "aws:executeAwsApi", "aws:assertAwsResourceProperty", "aws:waitForAwsResourceProperty");

    /** Inputs of those actions that are not request members. */
    static final Set<String> NON_MEMBER_INPUTS = Set.of("Service", "Api", "PropertySelector", "DesiredValues");

    private static final Pattern CLIENT = Pattern.compile("boto3\\.client\\(\"([a-z0-9-]+)\"\\)");
    private static final Pattern CALL = Pattern.compile("\\.([a-z][a-z0-9_]*)\\(");

    private SsmDocuments() {
    }

    /** The document's main steps followed by the steps nested in each {@code aws:loop}, in document order. */
    static List<Map<String, Object>> allSteps(Map<String, Object> document) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object step : Template.asList(document.get("mainSteps"), "mainSteps")) {
            Map<String, Object> mapping = Template.asMap(step, "step");
            steps.add(mapping);
            if ("aws:loop".equals(mapping.get("action"))) {
                Map<String, Object> inputs = inputs(mapping);
                for (Object inner : Template.asList(inputs.get("Steps"), mapping.get("name") + ".Steps")) {
                    steps.add(Template.asMap(inner, "loop step"));
                }
            }
        }
        return steps;
    }

    static List<Map<String, Object>> mainSteps(Map<String, Object> document) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object step : Template.asList(document.get("mainSteps"), "mainSteps")) {
            steps.add(Template.asMap(step, "step"));
        }
        return steps;
    }

    static Map<String, Object> inputs(Map<String, Object> step) {
        Object inputs = step.get("inputs");
        return inputs == null ? Map.of() : Template.asMap(inputs, step.get("name") + ".inputs");
    }

    /** Returns the output names a step declares. */
    static Set<String> outputNames(Map<String, Object> step) {
        Set<String> names = new TreeSet<>();
        for (Object output : Template.listOf(step.get("outputs"))) {
            names.add(String.valueOf(Template.asMap(output, "output").get("Name")));
        }
        return names;
    }

    /**
     * Returns the IAM actions the document's steps need, e.g. {@code lambda:GetPolicy}. Each API step needs one,
     * and each boto3 call in a script whose method name is an operation of the client's service in the AWS SDK.
     */
    static Set<String> iamActions(Map<String, Object> document) {
        Set<String> actions = new TreeSet<>();
        for (Map<String, Object> step : allSteps(document)) {
            Map<String, Object> inputs = inputs(step);
            if (API_ACTIONS.contains(step.get("action"))) {
                actions.add(inputs.get("Service") + ":" + inputs.get("Api"));
            }
            if ("aws:executeScript".equals(step.get("action"))) {
                actions.addAll(scriptActions(String.valueOf(inputs.get("Script"))));
            }
        }
        return actions;
    }

    /** Returns the boto3 calls of a script as IAM actions, none for a script without a boto3 client. */
    static Set<String> scriptActions(String script) {
        Set<String> actions = new TreeSet<>();
        Matcher client = CLIENT.matcher(script);
        while (client.find()) {
            String service = client.group(1);
            SdkModel model = SdkModel.forService(service).orElseThrow(
                    () -> new AssertionError("no SDK model for boto3 client " + service + " on the test classpath"));
            Matcher call = CALL.matcher(script);
            while (call.find()) {
                String operation = pascalCase(call.group(1));
                if (model.requestMembers(operation).isPresent()) {
                    actions.add(service + ":" + operation);
                }
            }
        }
        return actions;
    }

    /** {@code get_function_concurrency} to {@code GetFunctionConcurrency}. */
    static String pascalCase(String snake) {
        StringBuilder name = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
