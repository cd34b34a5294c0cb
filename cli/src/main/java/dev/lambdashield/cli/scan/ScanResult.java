package dev.lambdashield.cli.scan;

import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Severity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a scan found, in the order resources were read; the input of every report format.
 *
 * @param target     what was scanned: a folder, or an account and region
 * @param policies   the policies that were selected
 * @param resources  one result per resource
 * @param skipped    inputs that were not configuration items or events, with why (file and reason)
 * @param finishedAt when the scan finished
 */
public record ScanResult(String target, List<PolicyMetadata> policies, List<ResourceResult> resources,
                         List<String> skipped, Instant finishedAt) {

    public ScanResult {
        policies = List.copyOf(policies);
        resources = List.copyOf(resources);
        skipped = List.copyOf(skipped);
    }

    /** Counts resources by compliance, every compliance present (zero when none). */
    public Map<Compliance, Long> resourcesByCompliance() {
        Map<Compliance, Long> counts = new EnumMap<>(Compliance.class);
        for (Compliance compliance : Compliance.values()) {
            counts.put(compliance, 0L);
        }
        for (ResourceResult resource : resources) {
            counts.merge(resource.compliance(), 1L, Long::sum);
        }
        return counts;
    }

    /** Counts violations by severity, every severity present (zero when none). */
    public Map<Severity, Long> violationsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        for (ResourceResult resource : resources) {
            for (Finding finding : resource.findings()) {
                if (finding.kind() == FindingKind.VIOLATION) {
                    counts.merge(finding.severity(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    public long count(FindingKind kind) {
        return resources.stream().mapToLong(r -> r.count(kind)).sum();
    }

    /** Returns whether any resource is NON_COMPLIANT or could not be evaluated, which makes the scan exit with 1. */
    public boolean hasFailures() {
        Map<Compliance, Long> counts = resourcesByCompliance();
        return counts.get(Compliance.NON_COMPLIANT) > 0 || counts.get(Compliance.NOT_EVALUATED) > 0;
    }
}
