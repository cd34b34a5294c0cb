package dev.lambdashield.rules.docs;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rules.evaluate.ParameterSpec;
import dev.lambdashield.rules.evaluate.ParameterType;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicySource;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.RemediationMode;
import dev.lambdashield.rules.evaluate.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyDocsTest {

    /** Set to true ({@code -Dlambdashield.docs.update=true}) to rewrite docs/policies from the policies. */
    private static final String UPDATE_PROPERTY = "lambdashield.docs.update";

    private static Path repositoryRoot() {
        String root = System.getProperty("lambdashield.repo.root");
        return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }

    private static PolicyMetadata sample() {
        Map<String, ParameterSpec> parameters = new LinkedHashMap<>();
        parameters.put("dlqArns", new ParameterSpec("dlqArns", ParameterType.LIST,
                ArrayValue.of(StringValue.of("arn:aws:sqs:us-east-1:123456789012:a"),
                        StringValue.of("arn:aws:sqs:us-east-1:123456789012:b")), "Allowed | targets"));
        parameters.put("warningDays", new ParameterSpec("warningDays", ParameterType.INTEGER, NumberValue.of(90),
                "Days of warning"));
        parameters.put("role", new ParameterSpec("role", ParameterType.STRING, null, null));
        Remediation remediation = new Remediation(RemediationMode.APPROVAL, "LambdaShield-AttachDeadLetterQueue",
                Map.of("FunctionName", "configuration.functionName", "Mode", "=strict"), "Set a queue.",
                "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html");
        return new PolicyMetadata("lambda-dead-letter-queue", "Lambda functions have a dead-letter queue",
                "Failed events are lost.", Severity.MEDIUM, List.of("AWS::Lambda::Function"),
                List.of("AWS Config lambda-dlq-check"), parameters, remediation, List.of("function_url"), "1.2.0",
                "data.lambda_shield.lambda_dead_letter_queue",
                Location.of("/somewhere/policies/lambda_dead_letter_queue.rego", 1, 1));
    }

    @Test
    void page_rendersEverySection() {
        String page = PolicyPage.render(sample());

        assertTrue(page.startsWith("# Lambda functions have a dead-letter queue\n"), page);
        assertTrue(page.contains("`policies/lambda_dead_letter_queue.rego`"), page);
        assertFalse(page.contains("/somewhere"), page);
        assertTrue(page.contains("| `lambda-dead-letter-queue` | MEDIUM | 1.2.0 | AWS::Lambda::Function |"), page);
        assertTrue(page.contains("## Why it matters\n\nFailed events are lost.\n"), page);
        assertTrue(page.contains("| `dlqArns` | list | `arn:aws:sqs:us-east-1:123456789012:a,arn:aws:sqs:us-east-1:"
                + "123456789012:b` | Allowed \\| targets |"), page);
        assertTrue(page.contains("| `warningDays` | integer | `90` | Days of warning |"), page);
        assertTrue(page.contains("| `role` | string | (required) |  |"), page);
        assertTrue(page.contains("## Enrichment"), page);
        assertTrue(page.contains("Set a queue."), page);
        assertTrue(page.contains("Remediation mode: approval. After a person approves, Lambda Shield starts the SSM "
                + "Automation document `LambdaShield-AttachDeadLetterQueue` with `FunctionName` from "
                + "`configuration.functionName`, `Mode` from the value `strict`."), page);
        assertTrue(page.contains("- AWS Config lambda-dlq-check\n"), page);
        assertTrue(page.endsWith("\n"), "ends with a newline");
        assertFalse(page.endsWith("\n\n"), "ends with exactly one newline");
    }

    @Test
    void page_withoutParametersOrControls() {
        PolicyMetadata plain = new PolicyMetadata("lambda-x", "X", null, Severity.LOW, List.of("AWS::Lambda::Function"),
                List.of(), Map.of(), new Remediation(RemediationMode.MANUAL, null, Map.of(), "Fix it.", null), List.of(),
                "1.0.0", "data.lambda_shield.lambda_x", null);

        String page = PolicyPage.render(plain);

        assertTrue(page.contains("This policy has no parameters."), page);
        assertTrue(page.contains("Remediation mode: manual."), page);
        assertFalse(page.contains("## Enrichment"), page);
        assertTrue(page.contains("## Mapped controls\n\nNone"), page);
    }

    @Test
    void index_sortsBySeverityThenId() {
        PolicyMetadata low = new PolicyMetadata("lambda-a", "A", null, Severity.LOW, List.of("AWS::Lambda::Function"),
                List.of(), Map.of(), null, List.of(), "1.0.0", "data.lambda_shield.lambda_a", null);

        String index = PolicyIndex.render(List.of(low, sample()));

        assertTrue(index.indexOf("lambda-dead-letter-queue") < index.indexOf("lambda-a`"), index);
        assertTrue(index.contains("[`lambda-a`](lambda-a.md) | LOW | A |"), index);
    }

    @Test
    void write_thenDifferencesEmpty(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("lambda-removed.md"), "old page");
        List<PolicyMetadata> policies = List.of(sample());

        List<String> written = PolicyDocs.write(policies, directory);

        assertEquals(List.of("README.md", "lambda-dead-letter-queue.md"), written);
        assertFalse(Files.exists(directory.resolve("lambda-removed.md")));
        assertEquals(List.of(), PolicyDocs.differences(policies, directory));
        Files.writeString(directory.resolve("lambda-dead-letter-queue.md"), "edited by hand\n");
        assertEquals(1, PolicyDocs.differences(policies, directory).size());
    }

    @Test
    void committedDocs_matchPolicyMetadata() {
        Path root = repositoryRoot();
        List<PolicyMetadata> policies = PolicyCatalog.read(PolicySource.fromDirectory(root.resolve("policies")));
        Path docs = root.resolve("docs").resolve("policies");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            PolicyDocs.write(policies, docs);
        }

        List<String> differences = PolicyDocs.differences(policies, docs);

        assertFalse(policies.isEmpty(), "no policy found under " + root.resolve("policies"));
        assertEquals(List.of(), differences, "docs/policies is out of date; regenerate it with "
                + "'bin/lambda-shield docs' or 'mvn -o -q -pl rules test -Dtest=PolicyDocsTest -D" + UPDATE_PROPERTY
                + "=true'");
    }
}
