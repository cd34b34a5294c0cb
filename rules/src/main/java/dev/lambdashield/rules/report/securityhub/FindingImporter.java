package dev.lambdashield.rules.report.securityhub;

import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.SecurityHubApi;
import dev.lambdashield.rules.observe.LogKey;
import dev.lambdashield.rules.redact.Redactor;
import dev.lambdashield.rules.report.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingIdentifier;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsUnprocessedFinding;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.NoteUpdate;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;
import software.amazon.awssdk.services.securityhub.model.WorkflowUpdate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends findings with {@code BatchImportFindings} in batches within the API's limits. Findings that Security Hub
 * rejects one by one ({@code FailedFindings}) are re-sent by id with backoff; throttling and 5xx are retried by
 * {@link Retry} inside each call. What still fails is added to the failure list, which fails the invocation.
 */
final class FindingImporter {

    private static final Logger LOG = LoggerFactory.getLogger(FindingImporter.class);

    /** At most 100 findings per {@code BatchUpdateFindings} call. */
    static final int MAX_UPDATE_IDENTIFIERS = 100;
    static final String UPDATED_BY = "lambda-shield";

    private final SecurityHubApi api;
    private final Retry retry;
    private final Redactor redactor;
    private final Set<String> imported = new HashSet<>();

    FindingImporter(SecurityHubApi api, Retry retry, Redactor redactor) {
        this.api = api;
        this.retry = retry;
        this.redactor = redactor;
    }

    /** Imports every finding; returns how many Security Hub accepted and adds a line per lost finding. */
    int importAll(List<AwsSecurityFinding> findings, List<String> failures) {
        int accepted = 0;
        for (List<AwsSecurityFinding> batch : FindingBatches.split(findings)) {
            accepted += importBatch(batch, failures);
        }
        return accepted;
    }

    private int importBatch(List<AwsSecurityFinding> batch, List<String> failures) {
        Map<String, AwsSecurityFinding> pending = new LinkedHashMap<>();
        batch.forEach(finding -> pending.put(finding.id(), finding));
        int accepted = 0;
        for (int attempt = 1; ; attempt++) {
            BatchImportFindingsResponse response;
            try {
                response = api.batchImportFindings(BatchImportFindingsRequest.builder()
                        .findings(new ArrayList<>(pending.values())).build());
            } catch (AwsCallException e) {
                LOG.atError().setCause(e).addKeyValue(LogKey.OPERATION.key(), e.operation())
                        .addKeyValue(LogKey.FAILED_COUNT.key(), pending.size())
                        .log("BatchImportFindings failed; the findings were not imported");
                failures.add("SECURITYHUB_IMPORT_FAILED: " + pending.size() + " finding(s) not imported: "
                        + redactor.redact(e.getMessage()));
                return accepted;
            }
            Map<String, ImportFindingsError> failed = new LinkedHashMap<>();
            response.failedFindings().forEach(error -> failed.put(error.id(), error));
            for (String id : pending.keySet()) {
                if (!failed.containsKey(id)) {
                    imported.add(id);
                    accepted++;
                }
            }
            pending.keySet().retainAll(failed.keySet());
            if (pending.isEmpty()) {
                return accepted;
            }
            String reason = "FailedFindings: " + failed.values().iterator().next().errorCode();
            if (attempt >= retry.policy().maxAttempts()
                    || !retry.pause(attempt, SecurityHubApi.SERVICE, "BatchImportFindings", reason)) {
                failed.values().forEach(error -> failures.add(describe(error)));
                LOG.atError().addKeyValue(LogKey.FAILED_COUNT.key(), failed.size())
                        .addKeyValue(LogKey.ATTEMPT.key(), attempt).addKeyValue(LogKey.REASON.key(), reason)
                        .log("Security Hub rejected findings after retrying them");
                return accepted;
            }
        }
    }

    /**
     * Sets the workflow of findings just imported as PASSED to RESOLVED. {@code BatchImportFindings} cannot change
     * the workflow of an existing finding, so this needs {@code BatchUpdateFindings}.
     */
    void resolvePassed(List<AwsSecurityFinding> findings, Invocation invocation, List<String> failures) {
        List<AwsSecurityFindingIdentifier> passed = new ArrayList<>();
        for (AwsSecurityFinding finding : findings) {
            boolean isPassed = finding.compliance() != null && finding.compliance().status() == ComplianceStatus.PASSED;
            if (isPassed && imported.contains(finding.id())) {
                passed.add(AwsSecurityFindingIdentifier.builder().id(finding.id()).productArn(finding.productArn())
                        .build());
            }
        }
        for (int start = 0; start < passed.size(); start += MAX_UPDATE_IDENTIFIERS) {
            resolveBatch(passed.subList(start, Math.min(passed.size(), start + MAX_UPDATE_IDENTIFIERS)),
                    invocation, failures);
        }
    }

    private void resolveBatch(List<AwsSecurityFindingIdentifier> identifiers, Invocation invocation,
                              List<String> failures) {
        List<AwsSecurityFindingIdentifier> pending = new ArrayList<>(identifiers);
        NoteUpdate note = NoteUpdate.builder().updatedBy(UPDATED_BY)
                .text(redactor.redact("Resolved by the Config rule " + invocation.ruleName()
                        + ": the function complies with the policy again.")).build();
        for (int attempt = 1; ; attempt++) {
            BatchUpdateFindingsResponse response;
            try {
                response = api.batchUpdateFindings(BatchUpdateFindingsRequest.builder().findingIdentifiers(pending)
                        .workflow(WorkflowUpdate.builder().status(WorkflowStatus.RESOLVED).build()).note(note).build());
            } catch (AwsCallException e) {
                failures.add("SECURITYHUB_RESOLVE_FAILED: " + pending.size() + " finding(s) not resolved: "
                        + redactor.redact(e.getMessage()));
                return;
            }
            List<BatchUpdateFindingsUnprocessedFinding> unprocessed = response.unprocessedFindings();
            if (unprocessed.isEmpty()) {
                return;
            }
            Set<String> unprocessedIds = new HashSet<>();
            unprocessed.forEach(u -> unprocessedIds.add(u.findingIdentifier().id()));
            pending.removeIf(identifier -> !unprocessedIds.contains(identifier.id()));
            String reason = "UnprocessedFindings: " + unprocessed.get(0).errorCode();
            if (attempt >= retry.policy().maxAttempts()
                    || !retry.pause(attempt, SecurityHubApi.SERVICE, "BatchUpdateFindings", reason)) {
                unprocessed.forEach(u -> failures.add("SECURITYHUB_RESOLVE_FAILED: finding " + u.findingIdentifier().id()
                        + " not resolved: " + u.errorCode() + " " + redactor.redact(u.errorMessage())));
                return;
            }
        }
    }

    private String describe(ImportFindingsError error) {
        return "SECURITYHUB_FINDING_REJECTED: finding " + error.id() + " rejected: " + error.errorCode() + " "
                + redactor.redact(error.errorMessage());
    }
}
