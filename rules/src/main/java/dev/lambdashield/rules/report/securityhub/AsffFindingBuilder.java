package dev.lambdashield.rules.report.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.Violation;
import dev.lambdashield.rules.redact.Redactor;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.FindingProviderFields;
import software.amazon.awssdk.services.securityhub.model.FindingProviderSeverity;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.ResourceDetails;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.SeverityLabel;
import software.amazon.awssdk.services.securityhub.model.Workflow;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds AWS Security Finding Format (ASFF 2018-10-08) findings from a policy's metadata and its result on one
 * function. Every free-text field passes the {@link Redactor}, and the function's environment is never copied.
 */
public final class AsffFindingBuilder {

    public static final String SCHEMA_VERSION = "2018-10-08";
    public static final String PRODUCT_NAME = "Lambda Shield";
    public static final String FINDING_TYPE = "Software and Configuration Checks/AWS Security Best Practices";
    static final String LAMBDA_FUNCTION_TYPE = "AWS::Lambda::Function";

    // ASFF field limits (Security Hub API reference, AwsSecurityFinding).
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_RECOMMENDATION_TEXT = 512;
    static final int MAX_RELATED_REQUIREMENTS = 32;
    static final int MAX_MESSAGES_SHOWN = 5;

    private final String ruleName;
    private final Redactor redactor;

    public AsffFindingBuilder(String ruleName, Redactor redactor) {
        this.ruleName = ruleName;
        this.redactor = redactor;
    }

    /**
     * Builds the finding for {@code draft}.
     *
     * @param createdAt when the finding was first imported, or now for a new one (ISO-8601)
     * @param updatedAt this import's time, later than the stored {@code UpdatedAt} (ISO-8601)
     */
    public AwsSecurityFinding build(FindingDraft draft, String createdAt, String updatedAt) {
        FindingKey key = draft.key();
        PolicyMetadata policy = draft.policy();
        SeverityLabel label = SeverityLabel.fromValue(policy.severity().name());
        AwsSecurityFinding.Builder finding = AwsSecurityFinding.builder()
                .schemaVersion(SCHEMA_VERSION)
                .id(key.id())
                .productArn(key.productArn())
                .productName(PRODUCT_NAME)
                .generatorId(policy.id())
                .awsAccountId(key.accountId())
                .region(key.region())
                .types(FINDING_TYPE)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .firstObservedAt(createdAt)
                .severity(Severity.builder().label(label).original(label.toString()).build())
                .findingProviderFields(FindingProviderFields.builder()
                        .severity(FindingProviderSeverity.builder().label(label).original(label.toString()).build())
                        .types(FINDING_TYPE).build())
                .title(cut(redactor.redact(policy.title()), MAX_TITLE))
                .description(cut(description(draft), MAX_DESCRIPTION))
                .productFields(productFields(draft))
                .resources(resource(draft))
                .compliance(compliance(draft))
                .recordState(draft.state() == FindingState.ARCHIVED ? RecordState.ARCHIVED : RecordState.ACTIVE)
                .workflow(Workflow.builder().status(workflowStatus(draft.state())).build());
        if (draft.state() == FindingState.FAILED) {
            finding.lastObservedAt(updatedAt);
        }
        recommendation(policy).ifPresent(finding::remediation);
        return finding.build();
    }

    /** Builds the description: the violations first (they are what a reader acts on), then the policy's text. */
    private String description(FindingDraft draft) {
        StringBuilder text = new StringBuilder();
        if (draft.state() == FindingState.FAILED && !draft.denies().isEmpty()) {
            Iterator<Violation> denies = draft.denies().iterator();
            for (int shown = 0; denies.hasNext() && shown < MAX_MESSAGES_SHOWN; shown++) {
                text.append(shown == 0 ? "" : "; ").append(redactor.redact(denies.next().message()).strip());
            }
            int hidden = draft.denies().size() - MAX_MESSAGES_SHOWN;
            if (hidden > 0) {
                text.append("; and ").append(hidden).append(" more");
            }
            text.append(text.charAt(text.length() - 1) == '.' ? " " : ". ");
        } else if (draft.state() == FindingState.PASSED) {
            text.append("The function now complies with this policy. ");
        } else if (draft.state() == FindingState.ARCHIVED) {
            text.append("The function was deleted or is no longer in the rule's scope. ");
        }
        text.append(redactor.redact(draft.policy().description()).strip());
        return text.toString().strip();
    }

    private Map<String, String> productFields(FindingDraft draft) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("RuleName", redactor.redact(ruleName));
        fields.put("PolicyId", draft.policy().id());
        fields.put("PolicyVersion", String.valueOf(draft.policy().version()));
        if (!draft.policy().controls().isEmpty()) {
            fields.put("Controls", String.join(", ", draft.policy().controls()));
        }
        fields.put("ViolationCount", Integer.toString(draft.denies().size()));
        return fields;
    }

    private Resource resource(FindingDraft draft) {
        FindingKey key = draft.key();
        String resourceType = draft.decision().resourceType();
        boolean function = LAMBDA_FUNCTION_TYPE.equals(resourceType);
        Resource.Builder resource = Resource.builder()
                .type(function ? "AwsLambdaFunction" : "Other")
                .id(resourceArn(draft))
                .partition(FindingKey.partition(key.region()))
                .region(key.region());
        JsonNode item = draft.decision().configurationItem();
        Map<String, String> tags = tags(item == null ? null : item.path("tags"));
        if (!tags.isEmpty()) {
            resource.tags(tags);
        }
        JsonNode configuration = item == null ? null : item.path("configuration");
        if (function && configuration != null && configuration.isObject()) {
            resource.details(ResourceDetails.builder()
                    .awsLambdaFunction(LambdaFunctionDetails.from(configuration, redactor)).build());
        }
        return resource.build();
    }

    /** The ARN Config reported, or the function ARN built from account, region and name when it is unknown. */
    static String resourceArn(FindingDraft draft) {
        String arn = draft.decision().arn();
        if (arn != null && !arn.isEmpty()) {
            return arn;
        }
        FindingKey key = draft.key();
        if (LAMBDA_FUNCTION_TYPE.equals(draft.decision().resourceType())) {
            return "arn:" + FindingKey.partition(key.region()) + ":lambda:" + key.region() + ":" + key.accountId()
                    + ":function:" + key.resourceId();
        }
        return key.resourceId();
    }

    private Map<String, String> tags(JsonNode tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags == null || !tags.isObject()) {
            return result;
        }
        tags.fields().forEachRemaining(tag -> result.put(redactor.redact(tag.getKey()),
                redactor.redact(tag.getValue().asText(""))));
        return result;
    }

    private static Compliance compliance(FindingDraft draft) {
        ComplianceStatus status;
        switch (draft.state()) {
            case FAILED:
                status = ComplianceStatus.FAILED;
                break;
            case PASSED:
                status = ComplianceStatus.PASSED;
                break;
            default:
                // A deleted function neither passes nor fails; NOT_AVAILABLE keeps no stale FAILED behind.
                status = ComplianceStatus.NOT_AVAILABLE;
                break;
        }
        List<String> controls = draft.policy().controls();
        Compliance.Builder compliance = Compliance.builder().status(status);
        if (!controls.isEmpty()) {
            compliance.relatedRequirements(controls.subList(0, Math.min(controls.size(), MAX_RELATED_REQUIREMENTS)));
        }
        return compliance.build();
    }

    private static WorkflowStatus workflowStatus(FindingState state) {
        return state == FindingState.FAILED ? WorkflowStatus.NEW : WorkflowStatus.RESOLVED;
    }

    private java.util.Optional<software.amazon.awssdk.services.securityhub.model.Remediation> recommendation(
            PolicyMetadata policy) {
        Remediation remediation = policy.remediation();
        if (remediation == null || remediation.text() == null || remediation.text().isBlank()) {
            return java.util.Optional.empty();
        }
        Recommendation.Builder recommendation = Recommendation.builder()
                .text(cut(redactor.redact(remediation.text().strip()), MAX_RECOMMENDATION_TEXT));
        if (remediation.url() != null && !remediation.url().isBlank()) {
            recommendation.url(remediation.url());
        }
        return java.util.Optional.of(software.amazon.awssdk.services.securityhub.model.Remediation.builder()
                .recommendation(recommendation.build()).build());
    }

    /** Cuts {@code text} to {@code max} characters, ending with an ellipsis when something was cut. */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
