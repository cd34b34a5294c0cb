package dev.lambdashield.cli.report;

import dev.lambdashield.cli.scan.Finding;
import dev.lambdashield.cli.scan.FindingKind;
import dev.lambdashield.cli.scan.ResourceResult;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Remediation;
import dev.lambdashield.rules.evaluate.RemediationMode;
import dev.lambdashield.rules.evaluate.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small scan with known figures, for the report format tests. */
final class SampleScans {

    static final PolicyMetadata PUBLIC_ACCESS = policy("lambda-public-access-prohibited", Severity.CRITICAL);
    static final PolicyMetadata TRACING = policy("lambda-tracing-active", Severity.LOW);
    static final PolicyMetadata RUNTIME = policy("lambda-runtime-supported", Severity.HIGH);

    private SampleScans() {
    }

    static PolicyMetadata policy(String id, Severity severity) {
        Remediation remediation = new Remediation(RemediationMode.MANUAL, null, Map.of(), "Fix " + id + ".",
                "https://docs.aws.amazon.com/lambda/latest/dg/welcome.html");
        return new PolicyMetadata(id, "Title of " + id, "Why " + id + " matters.", severity,
                List.of("AWS::Lambda::Function"), List.of("Security Hub Lambda.1"), Map.of(), remediation, List.of(),
                "1.0.0", "data.lambda_shield." + id.replace('-', '_'), Location.of("policies/" + id + ".rego", 1, 1));
    }

    static Finding finding(PolicyMetadata policy, FindingKind kind, String message) {
        return new Finding(policy.id(), policy.title(), policy.severity(), kind, message, List.of("configuration"),
                policy.controls());
    }

    static ResourceResult function(String name, Compliance compliance, String reason, Finding... findings) {
        return new ResourceResult("test-fixtures/items/" + name + ".json", "AWS::Lambda::Function", name, name,
                "arn:aws:lambda:us-east-1:123456789012:function:" + name, "123456789012", "us-east-1", compliance,
                reason, List.of(findings), null);
    }

    /**
     * Four functions: "open" with two violations (CRITICAL and LOW), "old" with one HIGH violation and a
     * warning, "good" compliant, "gone" not applicable. 3 violations, 1 warning.
     */
    static ScanResult sample() {
        ResourceResult open = function("open", Compliance.NON_COMPLIANT, null,
                finding(PUBLIC_ACCESS, FindingKind.VIOLATION, "the resource policy allows anyone to invoke <fn> & more"),
                finding(TRACING, FindingKind.VIOLATION, "active tracing is off"),
                finding(RUNTIME, FindingKind.PASS, ""));
        ResourceResult old = function("old", Compliance.NON_COMPLIANT, null,
                finding(PUBLIC_ACCESS, FindingKind.PASS, ""),
                finding(TRACING, FindingKind.WARNING, "tracing sampled only"),
                finding(RUNTIME, FindingKind.VIOLATION, "runtime python3.7 is deprecated"));
        ResourceResult good = function("good", Compliance.COMPLIANT, null,
                finding(PUBLIC_ACCESS, FindingKind.PASS, ""),
                finding(TRACING, FindingKind.PASS, ""),
                finding(RUNTIME, FindingKind.PASS, ""));
        ResourceResult gone = function("gone", Compliance.NOT_APPLICABLE, "ResourceDeleted");
        return new ScanResult("test-fixtures/", List.of(PUBLIC_ACCESS, TRACING, RUNTIME),
                List.of(open, old, good, gone), List.of(), Instant.parse("2026-01-02T03:04:05Z"));
    }
}
