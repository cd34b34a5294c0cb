package dev.lambdashield.rules.report.securityhub;

import dev.lambdashield.rules.aws.SdkJson;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits findings into {@code BatchImportFindings} calls within Security Hub's per-call limits. */
final class FindingBatches {

    /** At most 100 findings per call. */
    static final int MAX_FINDINGS = 100;

    /** At most 6 MB per request; a little is kept back for the {@code {"Findings":[...]}} envelope. */
    static final int MAX_BYTES = 6 * 1024 * 1024 - 1024;

    private FindingBatches() {
    }

    static List<List<AwsSecurityFinding>> split(List<AwsSecurityFinding> findings) {
        return split(findings, MAX_FINDINGS, MAX_BYTES);
    }

    static List<List<AwsSecurityFinding>> split(List<AwsSecurityFinding> findings, int maxFindings, int maxBytes) {
        List<List<AwsSecurityFinding>> batches = new ArrayList<>();
        List<AwsSecurityFinding> current = new ArrayList<>();
        long currentBytes = 0;
        for (AwsSecurityFinding finding : findings) {
            long size = sizeOf(finding) + 1;
            if (!current.isEmpty() && (current.size() >= maxFindings || currentBytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(finding);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** Returns the finding's size as the SDK sends it: its JSON in UTF-8. */
    static long sizeOf(AwsSecurityFinding finding) {
        return SdkJson.toJson(finding).toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
