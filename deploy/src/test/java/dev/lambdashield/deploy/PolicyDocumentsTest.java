package dev.lambdashield.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.deployment.RemediationTarget;
import dev.lambdashield.rules.deployment.RemediationTargets;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Remediation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every SSM document a policy's metadata names exists, and gets the parameters it requires. */
class PolicyDocumentsTest {

    /** Parameters of the AWS-owned documents we reuse (from each document's content in SSM). */
    private static final Map<String, Set<String>> AWS_OWNED_PARAMETERS = Map.of(
            "AWSConfigRemediation-ConfigureLambdaFunctionXRayTracing", Set.of("FunctionName", "AutomationAssumeRole"));

    @Test
    void everyNamedDocumentExists() {
        for (PolicyMetadata policy : PolicyMetadataFiles.readAll()) {
            Remediation remediation = policy.remediation();
            if (remediation == null || remediation.document() == null) {
                continue;
            }
            Optional<RemediationTarget> target = RemediationTargets.byName(remediation.document());
            assertTrue(target.isPresent(), policy.location() + ": document " + remediation.document()
                    + " is neither in deploy/ssm nor an allow-listed AWS-owned document");
            if (target.get().awsOwned()) {
                assertTrue(AWS_OWNED_PARAMETERS.containsKey(remediation.document()), remediation.document());
            } else {
                Path file = DeployFiles.ssmDirectory().resolve(target.get().file());
                assertTrue(Files.isRegularFile(file), policy.location() + ": missing " + file);
            }
        }
    }

    @Test
    void policyParametersMatchTheDocument() {
        for (PolicyMetadata policy : PolicyMetadataFiles.readAll()) {
            Remediation remediation = policy.remediation();
            if (remediation == null || remediation.document() == null) {
                continue;
            }
            RemediationTarget target = RemediationTargets.byName(remediation.document()).orElseThrow();
            Set<String> declared = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            if (target.awsOwned()) {
                declared.addAll(AWS_OWNED_PARAMETERS.get(target.documentName()));
                required.add("FunctionName");
            } else {
                Map<String, Object> parameters = Template.asMap(DeployFiles.ssmDocument(
                        DeployFiles.ssmDirectory().resolve(target.file())).get("parameters"), "parameters");
                parameters.forEach((name, spec) -> {
                    declared.add(name);
                    if (!Template.asMap(spec, name).containsKey("default")) {
                        required.add(name);
                    }
                });
            }
            required.remove("AutomationAssumeRole");
            required.removeAll(stateMachineSupplied(target.documentName()));
            Set<String> passed = new TreeSet<>(remediation.parameters().keySet());
            assertTrue(declared.containsAll(passed), policy.id() + " passes " + passed + " to " + target.documentName()
                    + ", which declares " + declared);
            assertTrue(passed.containsAll(required), policy.id() + " must pass " + required + " to "
                    + target.documentName() + ", passes " + passed);
        }
    }

    @Test
    void stackSuppliesWhatNoConfigurationItemHolds() {
        assertEquals(Set.of("DeadLetterTargetArn"), stateMachineSupplied("LambdaShield-AttachDeadLetterQueue"));
        assertEquals(Set.of("KmsKeyArn"), stateMachineSupplied("LambdaShield-EncryptEnvironment"));
        assertEquals(Set.of(), stateMachineSupplied("LambdaShield-QuarantineFunction"));
    }

    /**
     * Document parameters the response state machine adds from stack parameters (besides the role), read from
     * the Pass state that SelectRole picks for the document.
     */
    static Set<String> stateMachineSupplied(String document) {
        StateMachineGraph graph = new StateMachineGraph(DeployFiles.stateMachine());
        Set<String> supplied = new TreeSet<>();
        for (JsonNode choice : graph.state("SelectRole").path("Choices")) {
            if (choice.path("StringEquals").asText().equals(document)) {
                graph.state(choice.path("Next").asText()).path("Result").fieldNames().forEachRemaining(supplied::add);
            }
        }
        supplied.remove("AutomationAssumeRole");
        return supplied;
    }

    @Test
    void rawMetadataAgreesWithParsedMetadata() {
        Map<String, Map<String, Object>> raw = PolicyMetadataFiles.rawFields();
        assertEquals(DeployFiles.policyFiles().size(), raw.size());
        int withDocument = 0;
        for (Map<String, Object> fields : raw.values()) {
            Object custom = fields.get("custom");
            Object remediation = custom instanceof Map<?, ?> map ? map.get("remediation") : null;
            if (remediation instanceof Map<?, ?> r && r.get("document") != null) {
                withDocument++;
            }
        }
        long parsed = PolicyMetadataFiles.readAll().stream()
                .filter(p -> p.remediation() != null && p.remediation().document() != null).count();
        assertEquals(withDocument, parsed, "every remediation.document in the files is read");
    }
}
