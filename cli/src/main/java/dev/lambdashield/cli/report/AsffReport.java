package dev.lambdashield.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.cli.scan.ResourceResult;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rules.aws.SdkJson;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.redact.Redactor;
import dev.lambdashield.rules.report.securityhub.AsffFindingBuilder;
import dev.lambdashield.rules.report.securityhub.FindingDraft;
import dev.lambdashield.rules.report.securityhub.FindingKey;
import dev.lambdashield.rules.report.securityhub.FindingState;

import java.io.PrintWriter;
import java.util.List;

/**
 * Writes the scan as AWS Security Finding Format findings, built by the same builder the rule's Security Hub
 * reporter uses: {@code {"Findings": [...]}}, the body BatchImportFindings takes. One finding per evaluated
 * (policy, resource): FAILED for a violation, PASSED otherwise. NOT_APPLICABLE and NOT_EVALUATED resources give
 * none, because the scan has no earlier findings to archive and a failed policy may not report anything.
 */
public final class AsffReport {

    /** The generator name in findings from a scan, which belongs to no Config rule. */
    static final String SCAN_RULE_NAME = "lambda-shield-scan";
    private static final String DEFAULT_ACCOUNT = "000000000000";
    private static final String DEFAULT_REGION = "us-east-1";

    private AsffReport() {
    }

    public static void write(ScanResult scan, PrintWriter out) {
        AsffFindingBuilder builder = new AsffFindingBuilder(SCAN_RULE_NAME, Redactor.create());
        String now = scan.finishedAt().toString();
        ObjectNode root = JsonReport.JSON.createObjectNode();
        ArrayNode findings = root.putArray("Findings");
        for (ResourceResult resource : scan.resources()) {
            ResourceDecision decision = resource.decision();
            if (decision == null || decision.compliance() == Compliance.NOT_APPLICABLE
                    || decision.compliance() == Compliance.NOT_EVALUATED) {
                continue;
            }
            for (PolicyResult result : decision.results()) {
                FindingKey key = new FindingKey(orDefault(resource.accountId(), DEFAULT_ACCOUNT),
                        orDefault(resource.region(), DEFAULT_REGION), result.policy().id(), decision.resourceId());
                FindingState state = result.denied() ? FindingState.FAILED : FindingState.PASSED;
                List<dev.lambdashield.rules.evaluate.Violation> denies = result.denies();
                FindingDraft draft = new FindingDraft(key, result.policy(), state, denies, decision);
                findings.add(SdkJson.toJson(builder.build(draft, now, now)));
            }
        }
        JsonReport.print(root, out);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
