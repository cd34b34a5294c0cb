package dev.lambdashield.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS operations the rule Lambda calls, read from the SDK adapters in {@code dev.lambdashield.rules.aws}
 * ({@code Sdk<Service>Api.java}, one per service): each {@code client.<operation>(} call whose operation exists in
 * the service's SDK model.
 */
final class RuleAwsCalls {

    /** Adapter class to the SDK service name and the IAM action prefix. */
    private static final Map<String, String[]> ADAPTERS = Map.of(
            "SdkConfigApi", new String[] {"config", "config"},
            "SdkIamApi", new String[] {"iam", "iam"},
            "SdkLambdaApi", new String[] {"lambda", "lambda"},
            "SdkSecurityHubApi", new String[] {"securityhub", "securityhub"},
            "SdkSsmApi", new String[] {"ssm", "ssm"},
            "SdkStepFunctionsApi", new String[] {"sfn", "states"});

    private static final Pattern CALL = Pattern.compile("client\\.([a-z][A-Za-z]*)\\(");

    private RuleAwsCalls() {
    }

    static Set<String> iamActions() {
        Path directory = DeployFiles.repositoryRoot().resolve("rules/src/main/java/dev/lambdashield/rules/aws");
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("Sdk\\w+Api\\.java")).toList()) {
                String adapter = file.getFileName().toString().replace(".java", "");
                String[] service = ADAPTERS.get(adapter);
                if (service == null) {
                    throw new AssertionError(adapter + " is a new AWS adapter: add its service to RuleAwsCalls and"
                            + " its permissions to the rule role in deploy/template.yaml");
                }
                SdkModel model = SdkModel.forService(service[0]).orElseThrow();
                Matcher call = CALL.matcher(DeployFiles.read(file));
                while (call.find()) {
                    String operation = SdkModel.pascalCase(call.group(1));
                    if (model.requestMembers(operation).isPresent()) {
                        actions.add(service[1] + ":" + operation);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (actions.size() < 10) {
            throw new AssertionError("expected the rule's AWS calls in " + directory + ", found " + actions);
        }
        return actions;
    }
}
