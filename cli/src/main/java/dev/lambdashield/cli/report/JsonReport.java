package dev.lambdashield.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.cli.scan.Finding;
import dev.lambdashield.cli.scan.FindingKind;
import dev.lambdashield.cli.scan.ResourceResult;
import dev.lambdashield.cli.scan.ScanResult;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.Severity;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes the whole scan as one JSON document: a summary, every resource with its findings, and skipped inputs. */
public final class JsonReport {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(ScanResult scan, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", scan.target());
        root.put("finishedAt", scan.finishedAt().toString());
        root.set("summary", summary(scan));
        ArrayNode resources = root.putArray("resources");
        for (ResourceResult resource : scan.resources()) {
            resources.add(resource(resource));
        }
        ArrayNode skipped = root.putArray("skipped");
        scan.skipped().forEach(skipped::add);
        print(root, out);
    }

    static void print(ObjectNode root, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(root));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the summary counts. */
    static ObjectNode summary(ScanResult scan) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("resources", scan.resources().size());
        summary.put("policies", scan.policies().size());
        ObjectNode compliance = summary.putObject("compliance");
        for (Map.Entry<Compliance, Long> entry : scan.resourcesByCompliance().entrySet()) {
            compliance.put(entry.getKey().name(), entry.getValue());
        }
        summary.put("violations", scan.count(FindingKind.VIOLATION));
        ObjectNode bySeverity = summary.putObject("violationsBySeverity");
        for (Severity severity : ScanSummary.severitiesDescending()) {
            bySeverity.put(severity.name(), scan.violationsBySeverity().get(severity));
        }
        summary.put("warnings", scan.count(FindingKind.WARNING));
        summary.put("policyErrors", scan.count(FindingKind.ERROR));
        summary.put("line", ScanSummary.line(scan));
        return summary;
    }

    private static ObjectNode resource(ResourceResult resource) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", resource.source());
        node.put("resourceType", resource.resourceType());
        node.put("resourceId", resource.resourceId());
        node.put("resourceName", resource.resourceName());
        node.put("arn", resource.arn());
        node.put("accountId", resource.accountId());
        node.put("region", resource.region());
        node.put("compliance", resource.compliance().name());
        node.put("reason", resource.reason());
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : resource.findings()) {
            findings.add(finding(finding));
        }
        return node;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("policy", finding.policyId());
        node.put("title", finding.policyTitle());
        node.put("severity", finding.severity().name());
        node.put("result", ReportRows.label(finding.kind()));
        node.put("message", finding.message());
        ArrayNode path = node.putArray("path");
        finding.path().forEach(path::add);
        ArrayNode controls = node.putArray("controls");
        finding.controls().forEach(controls::add);
        return node;
    }
}
