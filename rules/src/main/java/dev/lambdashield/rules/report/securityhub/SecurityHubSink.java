package dev.lambdashield.rules.report.securityhub;

import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.SdkSecurityHubApi;
import dev.lambdashield.rules.aws.SecurityHubApi;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.observe.LogKey;
import dev.lambdashield.rules.observe.MetricName;
import dev.lambdashield.rules.observe.Metrics;
import dev.lambdashield.rules.redact.Redactor;
import dev.lambdashield.rules.report.EvaluationSink;
import dev.lambdashield.rules.report.Invocation;
import dev.lambdashield.rules.report.SinkFactory;
import dev.lambdashield.rules.report.SinkOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one Security Hub finding per (selected policy, function) current: FAILED while the policy denies,
 * re-imported as PASSED and resolved once the function complies, ARCHIVED when the function is deleted or leaves
 * the rule's scope.
 *
 * <p>Before importing, the findings' stored state is read with {@code GetFindings} by resource (see {@link ExistingFindings}):
 * {@code CreatedAt} is copied from it, {@code UpdatedAt} is set later than the stored one, and PASSED or
 * ARCHIVED imports are left out when Security Hub has no such finding or already shows that state. In dry-run
 * the lookup is skipped (so a run needs no Security Hub access) and every planned finding is printed as new.
 */
public final class SecurityHubSink implements EvaluationSink {

    public static final String NAME = "securityhub";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityHubSink.class);

    private final SecurityHubApi api;
    private final Retry retry;
    private final Redactor redactor;
    private final Clock clock;
    private final Metrics metrics;
    private final List<PolicyMetadata> selectedPolicies;

    /**
     * @param metrics          receives {@code ReportFailures} by {@code Sink} for findings not delivered
     * @param selectedPolicies the policies the rule runs; findings of other policies are never changed
     */
    public SecurityHubSink(SecurityHubApi api, Retry retry, Redactor redactor, Clock clock, Metrics metrics,
                           List<PolicyMetadata> selectedPolicies) {
        this.api = api;
        this.retry = retry;
        this.redactor = redactor;
        this.clock = clock;
        this.metrics = metrics;
        this.selectedPolicies = List.copyOf(selectedPolicies);
    }

    /**
     * The sink the handler registers: it imports findings when the settings enable Security Hub, and otherwise
     * reports nothing.
     */
    public static SinkFactory factory() {
        return context -> {
            if (!context.settings().securityHub()) {
                return disabled();
            }
            SdkSecurityHubApi api = new SdkSecurityHubApi(context.clients().securityHub(), context.retry(),
                    context.dryRun());
            return new SecurityHubSink(api, context.retry(), Redactor.shared(), context.clock(), context.metrics(),
                    context.selectedPolicies());
        };
    }

    private static EvaluationSink disabled() {
        return new EvaluationSink() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public SinkOutcome publish(Invocation invocation, List<ResourceDecision> decisions) {
                LOG.atDebug().log("Security Hub findings are turned off");
                return SinkOutcome.ok(NAME, 0);
            }
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SinkOutcome publish(Invocation invocation, List<ResourceDecision> decisions) {
        List<FindingDraft> drafts = FindingPlanner.plan(invocation, decisions, selectedPolicies);
        if (drafts.isEmpty()) {
            return SinkOutcome.ok(NAME, 0);
        }
        List<String> failures = new ArrayList<>();
        List<AwsSecurityFinding> findings;
        try {
            findings = build(invocation, drafts);
        } catch (AwsCallException e) {
            LOG.atError().setCause(e).addKeyValue(LogKey.SERVICE.key(), e.service())
                    .addKeyValue(LogKey.OPERATION.key(), e.operation())
                    .log("could not read the stored findings, so none were imported");
            metrics.add(MetricName.REPORT_FAILURES, drafts.size(), Map.of(Metrics.SINK, NAME));
            return new SinkOutcome(NAME, 0, List.of("SECURITYHUB_LOOKUP_FAILED: " + redactor.redact(e.getMessage())));
        }
        FindingImporter importer = new FindingImporter(api, retry, redactor);
        int delivered = importer.importAll(findings, failures);
        importer.resolvePassed(findings, invocation, failures);
        if (!failures.isEmpty()) {
            metrics.add(MetricName.REPORT_FAILURES, failures.size(), Map.of(Metrics.SINK, NAME));
        }
        LOG.atInfo().addKeyValue(LogKey.EVALUATION_COUNT.key(), findings.size())
                .addKeyValue(LogKey.SKIPPED_COUNT.key(), drafts.size() - findings.size())
                .addKeyValue(LogKey.FAILED_COUNT.key(), failures.size())
                .log("imported Security Hub findings");
        return new SinkOutcome(NAME, delivered, failures);
    }

    /** Builds the findings to import, with timestamps from the stored findings; unchanged ones are left out. */
    private List<AwsSecurityFinding> build(Invocation invocation, List<FindingDraft> drafts) {
        Map<String, FindingDraft> byId = new LinkedHashMap<>();
        for (FindingDraft draft : drafts) {
            byId.put(draft.key().id(), draft);
        }
        Map<String, ExistingFinding> existing = invocation.dryRun() ? Map.of() : lookup(byId.values());
        AsffFindingBuilder builder = new AsffFindingBuilder(invocation.ruleName(), redactor);
        // Milliseconds, the precision Security Hub shows; RFC 3339 allows more, but nothing gains from it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AwsSecurityFinding> findings = new ArrayList<>();
        for (FindingDraft draft : byId.values()) {
            ExistingFinding stored = existing.get(draft.key().id());
            if (!worthImporting(draft, stored, invocation.dryRun())) {
                LOG.atDebug().addKeyValue(LogKey.POLICY_ID.key(), draft.policy().id())
                        .addKeyValue(LogKey.RESOURCE_ID.key(), draft.key().resourceId())
                        .addKeyValue(LogKey.OUTCOME.key(), draft.state().name())
                        .log("finding left unchanged");
                continue;
            }
            String createdAt = stored == null || stored.createdAt() == null ? now.toString() : stored.createdAt();
            findings.add(builder.build(draft, createdAt, FindingTimes.updatedAfter(now, stored)));
        }
        return findings;
    }

    /** Looks up the stored findings of the drafts' functions, grouped by product ARN (one per account). */
    private Map<String, ExistingFinding> lookup(Collection<FindingDraft> drafts) {
        Map<String, Set<String>> resourcesByProduct = new LinkedHashMap<>();
        for (FindingDraft draft : drafts) {
            resourcesByProduct.computeIfAbsent(draft.key().productArn(), k -> new LinkedHashSet<>())
                    .add(AsffFindingBuilder.resourceArn(draft));
        }
        Map<String, ExistingFinding> found = new LinkedHashMap<>();
        resourcesByProduct.forEach((productArn, resources) ->
                found.putAll(ExistingFindings.lookup(api, productArn, new ArrayList<>(resources))));
        return found;
    }

    /** FAILED is always imported (it moves UpdatedAt); PASSED and ARCHIVED only change a finding that exists. */
    static boolean worthImporting(FindingDraft draft, ExistingFinding stored, boolean dryRun) {
        if (draft.state() == FindingState.FAILED || dryRun) {
            return true;
        }
        return stored != null && !stored.shows(draft.state());
    }
}
