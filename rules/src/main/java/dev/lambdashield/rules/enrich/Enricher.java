package dev.lambdashield.rules.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.IamApi;
import dev.lambdashield.rules.aws.LambdaApi;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.SdkIamApi;
import dev.lambdashield.rules.aws.SdkJson;
import dev.lambdashield.rules.aws.SdkLambdaApi;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetCodeSigningConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionCodeSigningConfigResponse;

import java.util.Optional;
import java.util.Set;

/**
 * Builds {@code input.enrichment} for one function from the Lambda and IAM APIs. Each requested source adds
 * its key only when the function has that thing (a URL, a code signing configuration, a role), following
 * docs/policy-contract.md. Member names are the APIs' wire names ({@code AuthType}, {@code Cors},
 * {@code CodeSigningPolicies}, ...), so policies read the documented response shapes.
 *
 * <ul>
 *   <li>{@code functionUrl}: the GetFunctionUrlConfig response.</li>
 *   <li>{@code codeSigning}: the GetFunctionCodeSigningConfig response plus {@code CodeSigningConfig} from
 *       GetCodeSigningConfig.</li>
 *   <li>{@code executionRole}: {@code RoleName}, {@code RoleArn}, {@code AttachedPolicies} (each
 *       {@code PolicyName}, {@code PolicyArn}, {@code Document}) and {@code InlinePolicies} (each
 *       {@code PolicyName}, {@code Document}), documents parsed into objects.</li>
 * </ul>
 */
public final class Enricher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaApi lambda;
    private final IamApi iam;

    public Enricher(LambdaApi lambda, IamApi iam) {
        this.lambda = lambda;
        this.iam = iam;
    }

    /**
     * An enricher over real SDK clients for one invocation; the clients live per container, the retry, which
     * carries the invocation's deadline, per invocation.
     */
    public static Enricher create(LambdaClient lambdaClient, IamClient iamClient, Retry retry) {
        return new Enricher(new SdkLambdaApi(lambdaClient, retry), new SdkIamApi(iamClient, retry));
    }

    /**
     * Calls the APIs behind {@code sources} for {@code target}.
     *
     * @throws EnrichmentException when a call fails for good or returns a document that is not JSON
     */
    public ObjectNode enrich(FunctionTarget target, Set<EnrichmentSource> sources) {
        ObjectNode enrichment = JSON.createObjectNode();
        for (EnrichmentSource source : EnrichmentSource.values()) {
            if (!sources.contains(source)) {
                continue;
            }
            try {
                lookUp(source, target).ifPresent(node -> enrichment.set(source.inputKey(), node));
            } catch (AwsCallException e) {
                throw new EnrichmentException(target.functionName(), source, e.getMessage(), e);
            }
        }
        return enrichment;
    }

    private Optional<ObjectNode> lookUp(EnrichmentSource source, FunctionTarget target) {
        switch (source) {
            case FUNCTION_URL:
                return lambda.getFunctionUrlConfig(target.functionName()).map(SdkJson::toJson);
            case CODE_SIGNING:
                return codeSigning(target);
            case EXECUTION_ROLE:
                return executionRole(target);
            default:
                throw new IllegalStateException("no lookup for enrichment source " + source);
        }
    }

    private Optional<ObjectNode> codeSigning(FunctionTarget target) {
        if (target.imagePackage()) {
            // Container images cannot use Lambda code signing, so there is nothing to look up.
            return Optional.empty();
        }
        GetFunctionCodeSigningConfigResponse attached = lambda.getFunctionCodeSigningConfig(target.functionName());
        String arn = attached.codeSigningConfigArn();
        if (arn == null || arn.isEmpty()) {
            return Optional.empty();
        }
        GetCodeSigningConfigResponse config = lambda.getCodeSigningConfig(arn);
        ObjectNode node = SdkJson.toJson(attached);
        node.set("CodeSigningConfig", SdkJson.toJson(config.codeSigningConfig()));
        return Optional.of(node);
    }

    private Optional<ObjectNode> executionRole(FunctionTarget target) {
        Optional<String> roleName = target.roleName();
        if (roleName.isEmpty()) {
            return Optional.empty();
        }
        String name = roleName.get();
        ObjectNode role = JSON.createObjectNode();
        role.put("RoleName", name);
        role.put("RoleArn", target.roleArn());

        ArrayNode attached = role.putArray("AttachedPolicies");
        for (AttachedPolicy policy : iam.listAttachedRolePolicies(name)) {
            ObjectNode entry = attached.addObject();
            entry.put("PolicyName", policy.policyName());
            entry.put("PolicyArn", policy.policyArn());
            entry.set("Document", parse(target, "managed policy " + policy.policyArn(),
                    iam.managedPolicyDocument(policy.policyArn())));
        }

        ArrayNode inline = role.putArray("InlinePolicies");
        for (String policyName : iam.listRolePolicies(name)) {
            ObjectNode entry = inline.addObject();
            entry.put("PolicyName", policyName);
            entry.set("Document", parse(target, "inline policy " + policyName, iam.rolePolicyDocument(name, policyName)));
        }
        return Optional.of(role);
    }

    private static JsonNode parse(FunctionTarget target, String description, String document) {
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new EnrichmentException(target.functionName(), EnrichmentSource.EXECUTION_ROLE,
                    "the document of " + description + " is not valid JSON at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr(), e);
        }
    }
}
