package dev.lambdashield.rules.report.securityhub;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingBatchesTest {

    private static AwsSecurityFinding finding(int i, int descriptionLength) {
        return AwsSecurityFinding.builder().id("finding-" + i).description("x".repeat(descriptionLength)).build();
    }

    @Test
    void byteLimit_startsNewBatch() {
        List<AwsSecurityFinding> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            findings.add(finding(i, 1000));
        }
        long size = FindingBatches.sizeOf(findings.get(0)) + 1;

        List<List<AwsSecurityFinding>> batches = FindingBatches.split(findings, 100, (int) (size * 3));

        assertEquals(4, batches.size());
        assertEquals(List.of(3, 3, 3, 1), batches.stream().map(List::size).toList());
    }

    @Test
    void defaultLimits_keepEveryBatchUnderSixMegabytes() {
        List<AwsSecurityFinding> findings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            findings.add(finding(i, 200_000));
        }

        List<List<AwsSecurityFinding>> batches = FindingBatches.split(findings);

        int total = 0;
        for (List<AwsSecurityFinding> batch : batches) {
            long bytes = batch.stream().mapToLong(FindingBatches::sizeOf).sum() + batch.size();
            assertTrue(bytes <= 6 * 1024 * 1024, "batch of " + bytes + " bytes");
            assertTrue(batch.size() <= 100);
            total += batch.size();
        }
        assertEquals(300, total);
    }
}
