package dev.lambdashield.rules.docs;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;
import dev.lambdashield.rules.evaluate.ParameterSpec;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.RemediationMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders one policy's Markdown page: what it checks, why, its parameters, how to fix a violation and the
 * controls it maps to. The output depends only on the metadata, so generating twice gives identical files.
 */
public final class PolicyPage {

    private PolicyPage() {
    }

    /** Returns the page's file name, {@code <id>.md}. */
    public static String fileName(PolicyMetadata policy) {
        return policy.id() + ".md";
    }

    /** Renders the page. */
    public static String render(PolicyMetadata policy) {
        Markdown page = new Markdown();
        page.line("# " + policy.title());
        page.blank();
        page.line(generatedNotice(policy));
        page.blank();
        page.line("| id | severity | version | resource types |");
        page.line("|---|---|---|---|");
        page.line("| `" + policy.id() + "` | " + policy.severity() + " | " + policy.version() + " | "
                + String.join(", ", policy.resourceTypes()) + " |");
        page.blank();

        page.line("## Why it matters");
        page.blank();
        page.paragraph(policy.description() == null ? "No description is given in the policy's metadata."
                : policy.description());

        parameters(page, policy);
        enrichment(page, policy);
        remediation(page, policy.remediationIfAny().orElse(null));
        controls(page, policy.controls());
        return page.text();
    }

    static String generatedNotice(PolicyMetadata policy) {
        String file = policy.location() == null || policy.location().file() == null ? "the policy file"
                : "`policies/" + Path.of(policy.location().file()).getFileName() + "`";
        return "<!-- Generated from the METADATA block of " + file
                + " by the policy docs generator. Edit the policy, then regenerate. -->";
    }

    private static void parameters(Markdown page, PolicyMetadata policy) {
        page.line("## Parameters");
        page.blank();
        if (policy.parameters().isEmpty()) {
            page.paragraph("This policy has no parameters.");
            return;
        }
        page.paragraph("Set them as the Config rule's parameters; list values are one comma-separated string.");
        page.line("| name | type | default | description |");
        page.line("|---|---|---|---|");
        for (Map.Entry<String, ParameterSpec> entry : policy.parameters().entrySet()) {
            ParameterSpec spec = entry.getValue();
            String description = spec.description() == null ? "" : Markdown.cell(spec.description());
            page.line("| `" + entry.getKey() + "` | " + spec.type().label() + " | "
                    + defaultText(spec.defaultIfAny().orElse(null)) + " | " + description + " |");
        }
        page.blank();
    }

    /** Formats a default as the rule parameter text that gives it: lists comma-separated, absent values marked. */
    static String defaultText(Value value) {
        if (value == null) {
            return "(required)";
        }
        if (value instanceof ArrayValue array) {
            if (array.elements().isEmpty()) {
                return "(empty list)";
            }
            List<String> items = new ArrayList<>();
            for (Value element : array.elements()) {
                items.add(element instanceof StringValue s ? s.value() : ValueJson.toJson(element));
            }
            return "`" + Markdown.cell(String.join(",", items)) + "`";
        }
        if (value instanceof StringValue s) {
            return s.value().isEmpty() ? "(empty)" : "`" + Markdown.cell(s.value()) + "`";
        }
        return "`" + ValueJson.toJson(value) + "`";
    }

    private static void enrichment(Markdown page, PolicyMetadata policy) {
        if (policy.enrichment().isEmpty()) {
            return;
        }
        page.line("## Enrichment");
        page.blank();
        page.paragraph("This policy needs data that the configuration item does not contain: "
                + String.join(", ", policy.enrichment()) + ". It runs only when the rule's "
                + "`LAMBDA_SHIELD_ENRICHMENT` setting is `true`; otherwise it is skipped and the skip is reported.");
    }

    private static void remediation(Markdown page, Remediation remediation) {
        page.line("## How to fix");
        page.blank();
        if (remediation == null) {
            page.paragraph("The policy's metadata gives no remediation.");
            return;
        }
        if (remediation.text() != null) {
            page.paragraph(remediation.text());
        }
        page.paragraph(automation(remediation));
        if (remediation.url() != null) {
            page.paragraph("More: <" + remediation.url() + ">");
        }
    }

    private static String automation(Remediation remediation) {
        if (remediation.mode() == RemediationMode.MANUAL || remediation.document() == null) {
            return "Remediation mode: manual. Lambda Shield recommends the fix and starts nothing.";
        }
        String start = remediation.mode() == RemediationMode.AUTO
                ? "Remediation mode: auto. Lambda Shield starts the SSM Automation document `"
                : "Remediation mode: approval. After a person approves, Lambda Shield starts the SSM Automation document `";
        StringBuilder text = new StringBuilder(start).append(remediation.document()).append('`');
        if (!remediation.parameters().isEmpty()) {
            List<String> parameters = new ArrayList<>();
            remediation.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> parameters.add("`" + e.getKey() + "` from " + source(e.getValue())));
            text.append(" with ").append(String.join(", ", parameters));
        }
        return text.append('.').toString();
    }

    private static String source(String path) {
        return path.startsWith("=") ? "the value `" + path.substring(1) + "`" : "`" + path + "`";
    }

    private static void controls(Markdown page, List<String> controls) {
        page.line("## Mapped controls");
        page.blank();
        if (controls.isEmpty()) {
            page.line("None: this check goes beyond the controls of AWS Config, Security Hub and the scanners mapped.");
            return;
        }
        for (String control : controls) {
            page.line("- " + control);
        }
    }
}
