package dev.lambdashield.rules.docs;

import dev.lambdashield.rules.evaluate.PolicyMetadata;

import java.util.Comparator;
import java.util.List;

/** Renders {@code docs/policies/README.md}: one table row per policy, most severe first, then by id. */
public final class PolicyIndex {

    public static final String FILE_NAME = "README.md";

    private PolicyIndex() {
    }

    public static String render(List<PolicyMetadata> policies) {
        Markdown page = new Markdown();
        page.line("# Policy library");
        page.blank();
        page.line("<!-- Generated from the policies' METADATA blocks by the policy docs generator. -->");
        page.blank();
        page.paragraph("Each policy is one Rego module in `policies/`; its page gives the parameters, the fix and "
                + "the controls it maps to. Policies marked with enrichment need Lambda and IAM API calls and run "
                + "only when `LAMBDA_SHIELD_ENRICHMENT` is `true`.");
        page.line("| policy | severity | title | enrichment |");
        page.line("|---|---|---|---|");
        List<PolicyMetadata> sorted = policies.stream()
                .sorted(Comparator.comparing(PolicyMetadata::severity).reversed().thenComparing(PolicyMetadata::id))
                .toList();
        for (PolicyMetadata policy : sorted) {
            String enrichment = policy.enrichment().isEmpty() ? "" : String.join(", ", policy.enrichment());
            page.line("| [`" + policy.id() + "`](" + PolicyPage.fileName(policy) + ") | " + policy.severity() + " | "
                    + Markdown.cell(policy.title()) + " | " + enrichment + " |");
        }
        return page.text();
    }
}
