package dev.lambdashield.rules.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.SdkSsmApi;
import dev.lambdashield.rules.aws.SdkStepFunctionsApi;
import dev.lambdashield.rules.aws.SsmApi;
import dev.lambdashield.rules.aws.StepFunctionsApi;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.RemediationMode;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.observe.JsonLogOutput;
import dev.lambdashield.rules.observe.LogKey;
import dev.lambdashield.rules.redact.Redactor;
import dev.lambdashield.rules.report.EvaluationSink;
import dev.lambdashield.rules.report.Invocation;
import dev.lambdashield.rules.report.SinkFactory;
import dev.lambdashield.rules.report.SinkOutcome;
import dev.lambdashield.rules.report.securityhub.FindingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts each denying policy's remediation under the guard rails of {@link RemediationSettings}: the global
 * switch, exemptions by tag and function name, and a cap on starts per invocation. Candidates are taken in order
 * of severity (highest first), then function and policy id, so the cap keeps the most severe ones.
 *
 * <p>Every candidate ends as one {@link RemediationRecord}, logged with its reason and counted by outcome. A
 * start that fails after retries fails the invocation; the idempotency keys make Config's retry safe.
 */
public final class RemediationSink implements EvaluationSink {

    public static final String NAME = "remediation";

    private static final Logger LOG = LoggerFactory.getLogger(RemediationSink.class);

    private final RemediationStarter starter;
    private final RemediationSettings settings;
    private final Exemptions exemptions;
    private final OutcomeCounter counter;
    private final List<RemediationRecord> records = new ArrayList<>();

    /**
     * @param printOnly whether {@code ssm} and {@code stepFunctions} print instead of send (the dry-run switch or a
     *                  dry-run invocation)
     */
    public RemediationSink(SsmApi ssm, StepFunctionsApi stepFunctions, RemediationSettings settings, boolean printOnly,
                           Redactor redactor, OutcomeCounter counter) {
        this.starter = new RemediationStarter(ssm, stepFunctions, settings, printOnly, redactor);
        this.settings = settings;
        this.exemptions = Exemptions.from(settings);
        this.counter = counter;
    }

    /**
     * The sink the handler registers. Starts are printed instead of sent when the invocation is a dry run or the
     * switch is {@code dry-run}. In the latter case they go to the log output as dry-run lines.
     */
    public static SinkFactory factory() {
        return context -> {
            RemediationSettings settings = context.settings().remediation();
            DryRun gate = context.dryRun();
            if (!gate.enabled() && settings.mode() == RemediationSwitch.DRY_RUN) {
                gate = DryRun.printingTo(JsonLogOutput.stream());
            }
            return new RemediationSink(new SdkSsmApi(context.clients().ssm(), context.retry(), gate),
                    new SdkStepFunctionsApi(context.clients().stepFunctions(), context.retry(), gate), settings,
                    gate.enabled(), Redactor.shared(), OutcomeCounter.toMetrics(context.metrics()));
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns the records of the last {@link #publish} call, in processing order. */
    public List<RemediationRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public SinkOutcome publish(Invocation invocation, List<ResourceDecision> decisions) {
        records.clear();
        int attempts = 0;
        for (Candidate candidate : candidates(decisions)) {
            RemediationRecord record = decide(invocation, candidate, attempts);
            if (record.idempotency() != null) {
                attempts++;
            }
            records.add(record);
            log(record);
            counter.count(record.outcome(), record.policyId());
        }
        return outcome();
    }

    private RemediationRecord decide(Invocation invocation, Candidate candidate, int attempts) {
        ResourceDecision decision = candidate.decision();
        PolicyMetadata policy = candidate.policy();
        RemediationMode mode = policy.remediation().mode();
        if (mode == RemediationMode.MANUAL) {
            return RemediationStarter.record(decision, policy, RemediationOutcome.RECOMMENDED,
                    "manual remediation: the fix is recommended in the finding", null);
        }

        if (settings.mode() == RemediationSwitch.OFF) {
            return RemediationStarter.record(decision, policy, RemediationOutcome.SKIPPED,
                    "remediation is switched off", null);
        }

        JsonNode item = decision.configurationItem();
        String functionName = functionName(decision);
        Optional<String> exempt = exemptions.reason(functionName, item == null ? null : item.get("tags"), policy.id());
        if (exempt.isPresent()) {
            return RemediationStarter.record(decision, policy, RemediationOutcome.SKIPPED, exempt.get(), null);
        }

        Optional<String> impossible = rejection(policy);
        if (impossible.isPresent()) {
            return RemediationStarter.record(decision, policy, RemediationOutcome.REJECTED, impossible.get(), null);
        }
        Map<String, List<String>> parameters;
        try {
            parameters = DocumentParameters.resolve(policy.remediation().parameters(), item);
        } catch (IllegalArgumentException e) {
            return RemediationStarter.record(decision, policy, RemediationOutcome.REJECTED, e.getMessage(), null);
        }

        if (attempts >= settings.maxStartsPerInvocation()) {
            return RemediationStarter.record(decision, policy, RemediationOutcome.SKIPPED, "cap of "
                    + settings.maxStartsPerInvocation() + " remediation starts per invocation reached", null);
        }

        String resource = decision.arn() == null ? decision.resourceId() : decision.arn();
        IdempotencyKeys keys = IdempotencyKeys.of(resource, policy.id(), policy.version(), item);
        if (mode == RemediationMode.AUTO) {
            return starter.startAutomation(decision, policy, parameters, keys);
        }
        String findingId = new FindingKey(invocation.accountId(), invocation.region(), policy.id(),
                decision.resourceId()).id();
        return starter.startApproval(decision, policy, parameters, keys, findingId);
    }

    /** Returns why the metadata or settings make a start impossible, or empty when a start can be tried. */
    private Optional<String> rejection(PolicyMetadata policy) {
        String document = policy.remediation().document();
        if (document == null || document.isBlank()) {
            return Optional.of("the policy names no SSM Automation document");
        }
        if (policy.remediation().mode() == RemediationMode.APPROVAL
                && (settings.approvalStateMachineArn() == null || settings.approvalStateMachineArn().isBlank())) {
            return Optional.of("approval mode needs " + RemediationSettings.APPROVAL_STATE_MACHINE_ARN);
        }
        return Optional.empty();
    }

    private static String functionName(ResourceDecision decision) {
        JsonNode item = decision.configurationItem();
        String name = item == null ? "" : item.path("configuration").path("functionName").asText("");
        return name.isEmpty() ? decision.resourceId() : name;
    }

    /** Denying policies with a remediation, most severe first. */
    private static List<Candidate> candidates(List<ResourceDecision> decisions) {
        List<Candidate> candidates = new ArrayList<>();
        for (ResourceDecision decision : decisions) {
            if (decision.compliance() != Compliance.NON_COMPLIANT) {
                continue;
            }
            for (PolicyResult result : decision.denials()) {
                if (result.policy().remediation() != null) {
                    candidates.add(new Candidate(decision, result.policy()));
                }
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.policy().severity()).reversed()
                .thenComparing(c -> c.decision().resourceId())
                .thenComparing(c -> c.policy().id()));
        return candidates;
    }

    private SinkOutcome outcome() {
        List<String> failures = new ArrayList<>();
        int delivered = 0;
        for (RemediationRecord record : records) {
            if (record.outcome() == RemediationOutcome.FAILED) {
                failures.add("REMEDIATION_START_FAILED: " + record.policyId() + " on " + record.resourceId() + ": "
                        + record.reason());
            } else if (record.outcome() == RemediationOutcome.STARTED
                    || record.outcome() == RemediationOutcome.ALREADY_STARTED
                    || record.outcome() == RemediationOutcome.DRY_RUN) {
                delivered++;
            }
        }
        Map<RemediationOutcome, Integer> counts = new EnumMap<>(RemediationOutcome.class);
        records.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        LOG.atInfo().addKeyValue(LogKey.OUTCOME.key(), counts.toString())
                .addKeyValue(LogKey.FAILED_COUNT.key(), failures.size())
                .log("remediation finished");
        return new SinkOutcome(NAME, delivered, failures);
    }

    private static void log(RemediationRecord record) {
        // ERROR for a failed start; WARN for skips and for rejections, which are misconfiguration.
        boolean warning = record.outcome() == RemediationOutcome.SKIPPED
                || record.outcome() == RemediationOutcome.REJECTED;
        LoggingEventBuilder event = record.outcome() == RemediationOutcome.FAILED ? LOG.atError()
                : warning ? LOG.atWarn() : LOG.atInfo();
        event.addKeyValue(LogKey.POLICY_ID.key(), record.policyId())
                .addKeyValue(LogKey.RESOURCE_ID.key(), record.resourceId())
                .addKeyValue(LogKey.OUTCOME.key(), record.outcome().name())
                .addKeyValue(LogKey.REASON.key(), record.reason())
                .log("remediation " + record.outcome().name().toLowerCase(java.util.Locale.ROOT));
    }

    private record Candidate(ResourceDecision decision, PolicyMetadata policy) {
    }
}
