package dev.lambdashield.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every reference in deploy/template.yaml resolves: Ref, Fn::GetAtt, Fn::Sub variables, conditions, mappings. */
class TemplateReferencesTest {

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    /** Attributes Fn::GetAtt may read, per resource type used in the template (from the CloudFormation reference). */
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "AWS::IAM::Role", Set.of("Arn", "RoleId"),
            "AWS::KMS::Key", Set.of("Arn", "KeyId"),
            "AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl"),
            "AWS::Logs::LogGroup", Set.of("Arn"),
            "AWS::SNS::Topic", Set.of("TopicArn", "TopicName"),
            "AWS::Serverless::Function", Set.of("Arn"),
            "AWS::Serverless::StateMachine", Set.of("Arn", "Name"));

    private static Template template;
    private static Set<String> refTargets;

    @BeforeAll
    static void load() {
        template = Template.load();
        refTargets = new HashSet<>(PSEUDO_PARAMETERS);
        refTargets.addAll(template.section("Parameters").keySet());
        refTargets.addAll(template.resources().keySet());
        refTargets.addAll(samGeneratedReferences());
    }

    @Test
    void everyRefTargetExists() {
        List<String> problems = new ArrayList<>();
        int[] count = {0};
        template.forEachMapping((path, mapping) -> {
            if (mapping.size() == 1 && mapping.get("Ref") instanceof String target) {
                count[0]++;
                if (!refTargets.contains(target)) {
                    problems.add(path + ": Ref " + target);
                }
            }
        });
        assertTrue(count[0] > 50, "expected the template to use Ref widely, found " + count[0]);
        assertEquals(List.of(), problems, "Ref to a missing parameter or resource");
    }

    @Test
    void everyGetAttTargetExists() {
        List<String> problems = new ArrayList<>();
        int[] count = {0};
        template.forEachMapping((path, mapping) -> {
            if (mapping.size() == 1 && mapping.containsKey("Fn::GetAtt")) {
                count[0]++;
                List<Object> parts = Template.asList(mapping.get("Fn::GetAtt"), path);
                checkAttribute(path, String.valueOf(parts.get(0)), String.valueOf(parts.get(1)), problems);
            }
        });
        assertTrue(count[0] > 10, "expected Fn::GetAtt in the template, found " + count[0]);
        assertEquals(List.of(), problems, "Fn::GetAtt of a missing resource or attribute");
    }

    @Test
    void everySubVariableExists() {
        List<String> problems = new ArrayList<>();
        int[] count = {0};
        template.forEachMapping((path, mapping) -> {
            if (mapping.size() != 1 || !mapping.containsKey("Fn::Sub")) {
                return;
            }
            Object sub = mapping.get("Fn::Sub");
            String text;
            Set<String> locals = new HashSet<>();
            if (sub instanceof List<?> form) {
                text = (String) form.get(0);
                locals.addAll(Template.asMap(form.get(1), path).keySet());
            } else {
                text = (String) sub;
            }
            for (String variable : Template.subVariables(text)) {
                count[0]++;
                checkSubVariable(path, variable, locals, problems);
            }
        });
        assertTrue(count[0] > 50, "expected Fn::Sub variables in the template, found " + count[0]);
        assertEquals(List.of(), problems, "Fn::Sub variable naming nothing");
    }

    @Test
    void everyConditionExistsAndIsUsed() {
        Set<String> declared = template.section("Conditions").keySet();
        Set<String> used = new TreeSet<>();
        template.forEachMapping((path, mapping) -> {
            if (mapping.get("Fn::If") instanceof List<?> ifForm) {
                used.add(String.valueOf(ifForm.get(0)));
            }
            if (mapping.size() == 1 && mapping.get("Condition") instanceof String name) {
                used.add(name);
            }
        });
        template.resources().forEach((id, resource) -> {
            Object condition = Template.asMap(resource, id).get("Condition");
            if (condition != null) {
                used.add(String.valueOf(condition));
            }
        });
        assertEquals(new TreeSet<>(declared), used, "conditions declared and conditions used differ");
    }

    @Test
    void everyParameterIsUsed() {
        Set<String> used = new TreeSet<>();
        template.forEachMapping((path, mapping) -> {
            if (mapping.size() == 1 && mapping.get("Ref") instanceof String target) {
                used.add(target);
            }
            if (mapping.size() == 1 && mapping.containsKey("Fn::Sub")) {
                Object sub = mapping.get("Fn::Sub");
                String text = sub instanceof List<?> form ? (String) form.get(0) : (String) sub;
                used.addAll(Template.subVariables(text));
            }
        });
        for (String parameter : template.section("Parameters").keySet()) {
            assertTrue(used.contains(parameter), "parameter " + parameter + " is declared but never used");
        }
    }

    @Test
    void findInMapKeysExist() {
        Map<String, Object> mappings = template.section("Mappings");
        List<String> problems = new ArrayList<>();
        template.forEachMapping((path, mapping) -> {
            if (!(mapping.get("Fn::FindInMap") instanceof List<?> args)) {
                return;
            }
            Object map = mappings.get(String.valueOf(args.get(0)));
            if (map == null) {
                problems.add(path + ": no mapping " + args.get(0));
                return;
            }
            for (Object topKey : Template.asMap(map, "mapping").values()) {
                if (args.get(2) instanceof String second && !Template.asMap(topKey, "mapping").containsKey(second)) {
                    problems.add(path + ": mapping " + args.get(0) + " lacks second-level key " + second);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void severityThresholdCoversEveryAllowedValue() {
        Map<String, Object> thresholds = Template.asMap(template.section("Mappings").get("SeverityThreshold"), "map");
        List<Object> allowed = Template.asList(
                Template.asMap(template.section("Parameters").get("FindingSeverityThreshold"), "p").get("AllowedValues"), "v");
        assertEquals(new TreeSet<>(allowed.stream().map(String::valueOf).toList()), new TreeSet<>(thresholds.keySet()));
    }

    @Test
    void dependsOnTargetsExist() {
        template.resources().forEach((id, resource) -> {
            for (Object target : Template.listOf(Template.asMap(resource, id).get("DependsOn"))) {
                assertTrue(template.resources().containsKey(String.valueOf(target)),
                        id + " depends on missing resource " + target);
            }
        });
    }

    @Test
    void localFilesExist() {
        Path deploy = DeployFiles.deployDirectory();
        List<String> files = new ArrayList<>();
        template.forEachMapping((path, mapping) -> {
            if (mapping.get("Fn::Transform") instanceof Map<?, ?> transform
                    && "AWS::Include".equals(transform.get("Name"))) {
                Object location = Template.asMap(transform.get("Parameters"), path).get("Location");
                files.add(String.valueOf(location));
            }
            if (mapping.get("DefinitionUri") instanceof String uri) {
                files.add(uri);
            }
        });
        assertTrue(files.size() >= 8, "expected the documents and the state machine as local files: " + files);
        for (String file : files) {
            assertTrue(Files.isRegularFile(deploy.resolve(file)), "template names missing file deploy/" + file);
        }
    }

    @Test
    void ruleFunctionCodeIsTheRulesJar() {
        Map<String, Object> function = template.properties("RuleFunction");
        String version = parentVersion();
        assertEquals("../rules/target/lambda-shield-rules-" + version + "-lambda.jar", function.get("CodeUri"),
                "CodeUri must name the shaded jar `mvn -pl rules -am package -Plambda` builds");
        String pom = DeployFiles.read(DeployFiles.repositoryRoot().resolve("rules/pom.xml"));
        assertTrue(pom.contains("<shadedClassifierName>lambda</shadedClassifierName>"),
                "rules/pom.xml must build the jar with the lambda classifier");
        assertEquals("dev.lambdashield.rules.handler.ConfigRuleHandler::handleRequest", function.get("Handler"));
        assertEquals(List.of("arm64"), function.get("Architectures"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"));
        assertTrue(function.containsKey("AutoPublishAlias"), "SnapStart runs only on published versions");
    }

    @Test
    void handlerNamesARealMethod() throws Exception {
        String handler = String.valueOf(template.properties("RuleFunction").get("Handler"));
        String[] parts = handler.split("::");
        Class<?> type = Class.forName(parts[0]);
        assertTrue(java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(parts[1])),
                handler + " has no public method " + parts[1]);
        assertTrue(com.amazonaws.services.lambda.runtime.RequestHandler.class.isAssignableFrom(type),
                handler + " does not implement RequestHandler");
    }

    @Test
    void shortFormTagsAllLoad() {
        StringBuilder yaml = new StringBuilder("Resources:\n");
        for (String tag : CloudFormationYaml.shortFormTags()) {
            yaml.append("  R").append(tag.substring(1)).append(": ").append(tag).append(" x.y\n");
        }
        Map<String, Object> resources = Template.asMap(CloudFormationYaml.load(yaml.toString()).get("Resources"), "r");
        assertEquals(Map.of("Ref", "x.y"), resources.get("RRef"));
        assertEquals(Map.of("Fn::GetAtt", List.of("x", "y")), resources.get("RGetAtt"));
        assertEquals(Map.of("Fn::Sub", "x.y"), resources.get("RSub"));
        assertEquals(Map.of("Condition", "x.y"), resources.get("RCondition"));
        assertEquals(18, resources.size());
    }

    private static void checkAttribute(String path, String resource, String attribute, List<String> problems) {
        if (!template.resources().containsKey(resource)) {
            problems.add(path + ": Fn::GetAtt " + resource + "." + attribute + " (no such resource)");
            return;
        }
        String type = template.type(resource);
        Set<String> known = ATTRIBUTES.get(type);
        if (known == null || !known.contains(attribute)) {
            problems.add(path + ": Fn::GetAtt " + resource + "." + attribute + " (" + type + " has no such attribute"
                    + " in this test's table)");
        }
    }

    private static void checkSubVariable(String path, String variable, Set<String> locals, List<String> problems) {
        if (locals.contains(variable) || refTargets.contains(variable)) {
            return;
        }
        int dot = variable.indexOf('.');
        if (dot > 0) {
            checkAttribute(path, variable.substring(0, dot), variable.substring(dot + 1), problems);
            return;
        }
        problems.add(path + ": ${" + variable + "}");
    }

    /** SAM adds {@code <Function>.Alias} and {@code <Function>.Version} for functions with AutoPublishAlias. */
    private static Set<String> samGeneratedReferences() {
        Set<String> names = new HashSet<>();
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            if (template.properties(function).containsKey("AutoPublishAlias")) {
                names.add(function + ".Alias");
                names.add(function + ".Version");
            }
        }
        return names;
    }

    private static String parentVersion() {
        String pom = DeployFiles.read(DeployFiles.repositoryRoot().resolve("rules/pom.xml"));
        int parent = pom.indexOf("<parent>");
        int start = pom.indexOf("<version>", parent) + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start)).trim();
    }
}
