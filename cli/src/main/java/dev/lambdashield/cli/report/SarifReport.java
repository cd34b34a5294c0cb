package dev.lambdashield.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.cli.scan.Finding;
import dev.lambdashield.cli.scan.FindingKind;
import dev.lambdashield.cli.scan.ResourceResult;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.Severity;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the scan as a SARIF 2.1.0 log: one rule per selected policy, one result per violation (level
 * {@code error} for HIGH and CRITICAL, {@code warning} below) and per warning (level {@code note}). A policy
 * that failed to evaluate becomes a tool execution notification, because it is not a finding.
 */
public final class SarifReport {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static void write(ScanResult scan, PrintWriter out) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "lambda-shield");

        Map<String, Integer> ruleIndex = new HashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (PolicyMetadata policy : scan.policies()) {
            ruleIndex.put(policy.id(), rules.size());
            rules.add(rule(policy));
        }

        ArrayNode results = run.putArray("results");
        ArrayNode notifications = JsonReport.JSON.createArrayNode();
        for (ResourceResult resource : scan.resources()) {
            for (Finding finding : resource.findings()) {
                if (finding.kind() == FindingKind.VIOLATION || finding.kind() == FindingKind.WARNING) {
                    results.add(result(resource, finding, ruleIndex));
                } else if (finding.kind() == FindingKind.ERROR) {
                    notifications.add(notification(resource, finding));
                }
            }
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", notifications.isEmpty());
        invocation.set("toolExecutionNotifications", notifications);
        JsonReport.print(root, out);
    }

    private static ObjectNode rule(PolicyMetadata policy) {
        ObjectNode rule = JsonReport.JSON.createObjectNode();
        rule.put("id", policy.id());
        rule.putObject("shortDescription").put("text", policy.title());
        rule.putObject("fullDescription").put("text", policy.description() == null ? policy.title()
                : policy.description());
        policy.remediationIfAny().ifPresent(remediation -> {
            if (remediation.text() != null) {
                rule.putObject("help").put("text", remediation.text());
            }
            if (remediation.url() != null) {
                rule.put("helpUri", remediation.url());
            }
        });
        rule.putObject("defaultConfiguration").put("level", level(policy.severity()));
        ObjectNode properties = rule.putObject("properties");
        properties.put("security-severity", securitySeverity(policy.severity()));
        ArrayNode tags = properties.putArray("tags");
        tags.add("security");
        policy.controls().forEach(tags::add);
        return rule;
    }

    private static ObjectNode result(ResourceResult resource, Finding finding, Map<String, Integer> ruleIndex) {
        ObjectNode result = JsonReport.JSON.createObjectNode();
        result.put("ruleId", finding.policyId());
        Integer index = ruleIndex.get(finding.policyId());
        if (index != null) {
            result.put("ruleIndex", index);
        }
        result.put("level", finding.kind() == FindingKind.WARNING ? "note" : level(finding.severity()));
        result.putObject("message").put("text", finding.message());
        ObjectNode location = result.putArray("locations").addObject();
        location.putObject("physicalLocation").putObject("artifactLocation").put("uri", resource.source());
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", resource.resourceName());
        logical.put("fullyQualifiedName", resource.arn() == null ? resource.resourceId() : resource.arn());
        logical.put("kind", "resource");
        ObjectNode properties = result.putObject("properties");
        properties.put("resourceType", resource.resourceType());
        properties.put("severity", finding.severity().name());
        ArrayNode path = properties.putArray("path");
        finding.path().forEach(path::add);
        return result;
    }

    private static ObjectNode notification(ResourceResult resource, Finding finding) {
        ObjectNode notification = JsonReport.JSON.createObjectNode();
        notification.put("level", "error");
        notification.putObject("message").put("text", finding.policyId() + " failed on " + resource.resourceName()
                + " (" + resource.source() + "): " + finding.message());
        return notification;
    }

    private static String level(Severity severity) {
        switch (severity) {
            case CRITICAL:
            case HIGH:
                return "error";
            case INFORMATIONAL:
                return "note";
            default:
                return "warning";
        }
    }

    /** Returns the 0.0-10.0 score that code-scanning dashboards sort on, matched to Security Hub's severity bands. */
    private static String securitySeverity(Severity severity) {
        switch (severity) {
            case CRITICAL:
                return "9.5";
            case HIGH:
                return "8.0";
            case MEDIUM:
                return "5.5";
            case LOW:
                return "3.0";
            default:
                return "0.0";
        }
    }
}
