package dev.lambdashield.rules.handler;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.SdkConfigApi;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.EvaluationContext;
import dev.lambdashield.rules.evaluate.InvalidParameterException;
import dev.lambdashield.rules.evaluate.PolicyEvaluator;
import dev.lambdashield.rules.evaluate.PolicyMetadata;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.event.CollectedItems;
import dev.lambdashield.rules.event.EventException;
import dev.lambdashield.rules.event.EventItem;
import dev.lambdashield.rules.event.EventParser;
import dev.lambdashield.rules.event.ItemCollector;
import dev.lambdashield.rules.event.RuleEvent;
import dev.lambdashield.rules.observe.LogKey;
import dev.lambdashield.rules.observe.MetricName;
import dev.lambdashield.rules.observe.Metrics;
import dev.lambdashield.rules.redact.Redactor;
import dev.lambdashield.rules.report.EvaluationSink;
import dev.lambdashield.rules.report.Invocation;
import dev.lambdashield.rules.report.SinkContext;
import dev.lambdashield.rules.report.SinkFactory;
import dev.lambdashield.rules.report.SinkOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one invocation: parse the event, select and type the policies, collect the items, evaluate each, hand
 * the decisions to every sink, log one summary and flush the metrics. Failures are gathered and thrown at the
 * end as {@link InvocationFailedException}, after everything that could still be reported was reported.
 */
final class InvocationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationRunner.class);

    private final RuleApplication app;
    private final String requestId;
    private final Deadline deadline;
    private final Retry retry;
    private final Instant started;
    private final List<String> failures = new ArrayList<>();
    private Metrics metrics;

    InvocationRunner(RuleApplication app, String requestId, Deadline deadline) {
        this.app = app;
        this.requestId = requestId;
        this.deadline = deadline;
        this.retry = app.retryFor(deadline);
        this.started = app.clock().instant();
    }

    InvocationResult run(ConfigEvent raw) {
        RuleEvent event = parse(raw);
        metrics = Metrics.toLog(app.settings().metricsNamespace(), Map.of(Metrics.RULE, nullToEmpty(event.ruleName())),
                app.clock());
        PolicyEvaluator evaluator = evaluator(event);
        CollectedItems collected = collect(event, evaluator);
        // Before anything mentions a function, so no log line, annotation or finding can carry its environment.
        collected.items().forEach(item -> Redactor.shared().rememberEnvironment(item.item()));
        List<ResourceDecision> decisions = new ArrayList<>();
        int skipped = evaluate(collected.items(), evaluator, decisions);
        List<SinkOutcome> outcomes = publish(event, evaluator.selected(), decisions);
        InvocationResult result = new InvocationResult(requestId, event.messageType().wireName(), decisions,
                outcomes, collected.complete() && skipped == 0, skipped, failures);
        summarize(result);
        metrics.flush();
        if (!result.succeeded()) {
            throw new InvocationFailedException("invocation_failed", failures, result, null);
        }
        return result;
    }

    private RuleEvent parse(ConfigEvent raw) {
        try {
            return EventParser.parse(raw);
        } catch (EventException e) {
            LOG.atError().addKeyValue(LogKey.ERROR_CODE.key(), e.code()).log("invalid invoking event: {}",
                    e.getMessage());
            throw new InvocationFailedException(e.code(), List.of(e.getMessage()), null, e);
        }
    }

    private PolicyEvaluator evaluator(RuleEvent event) {
        String region = event.ruleRegion() != null ? event.ruleRegion() : app.settings().region().id();
        EvaluationContext context = new EvaluationContext(event.accountId(), region, event.ruleName(),
                event.messageType().wireName(), app.clock().instant());
        try {
            PolicyEvaluator evaluator = PolicyEvaluator.create(app.bundle(), event.ruleParameters(), context,
                    app.enrichmentFor(retry));
            warnAboutSkips(evaluator);
            return evaluator;
        } catch (InvalidParameterException e) {
            LOG.atError().addKeyValue(LogKey.ERROR_CODE.key(), InvalidParameterException.CODE)
                    .addKeyValue(LogKey.PARAMETER.key(), e.parameter())
                    .log("no resource evaluated: {}", e.getMessage());
            throw new InvocationFailedException(InvalidParameterException.CODE, List.of(e.getMessage()), null, e);
        }
    }

    private void warnAboutSkips(PolicyEvaluator evaluator) {
        for (PolicyMetadata policy : evaluator.skipped()) {
            LOG.atWarn().addKeyValue(LogKey.POLICY_ID.key(), policy.id())
                    .addKeyValue(LogKey.REASON.key(), "needs enrichment " + policy.enrichment())
                    .log("policy skipped: enrichment is off");
            metrics.add(MetricName.POLICIES_SKIPPED, 1, Map.of(Metrics.POLICY_ID, policy.id()));
        }
        if (!evaluator.parameters().unknown().isEmpty()) {
            LOG.atWarn().addKeyValue(LogKey.PARAMETER.key(), String.join(",", evaluator.parameters().unknown()))
                    .log("rule parameters ignored: no selected policy declares them");
        }
    }

    private CollectedItems collect(RuleEvent event, PolicyEvaluator evaluator) {
        ItemCollector collector = new ItemCollector(new SdkConfigApi(app.clients().config(), retry, app.dryRun()),
                retry, app.settings().timeReserve());
        try {
            return collector.collect(event, evaluator.resourceTypes(), app.clock().instant());
        } catch (EventException | AwsCallException e) {
            String code = e instanceof EventException ee ? ee.code() : "aws_read_failed";
            LOG.atError().addKeyValue(LogKey.ERROR_CODE.key(), code).log("could not collect configuration items: {}",
                    e.getMessage());
            throw new InvocationFailedException(code, List.of(e.getMessage()), null, e);
        }
    }

    /** Evaluates items until time runs low; returns how many were left unevaluated. */
    private int evaluate(List<EventItem> items, PolicyEvaluator evaluator, List<ResourceDecision> decisions) {
        Instant evaluationDeadline = deadline.instant(app.clock()).minus(app.settings().timeReserve().dividedBy(2));
        for (int i = 0; i < items.size(); i++) {
            if (!deadline.allows(app.settings().timeReserve())) {
                int left = items.size() - i;
                LOG.atWarn().addKeyValue(LogKey.SKIPPED_COUNT.key(), left)
                        .addKeyValue(LogKey.REMAINING_MS.key(), deadline.remaining().toMillis())
                        .log("stopped evaluating: too little time left; the rest waits for the next run");
                metrics.add(MetricName.RESOURCES_SKIPPED, left);
                return left;
            }
            long start = System.nanoTime();
            ResourceDecision decision = evaluator.evaluate(items.get(i), evaluationDeadline);
            if (!items.get(i).decided()) {
                metrics.add(MetricName.EVALUATION_LATENCY, (System.nanoTime() - start) / 1e6);
            }
            DecisionLog.record(decision, metrics, failures);
            decisions.add(decision);
        }
        return 0;
    }

    private List<SinkOutcome> publish(RuleEvent event, List<PolicyMetadata> selected,
                                      List<ResourceDecision> decisions) {
        Invocation invocation = new Invocation(requestId, event.ruleName(), event.accountId(),
                event.ruleRegion() != null ? event.ruleRegion() : app.settings().region().id(), event.resultToken(),
                event.messageType().wireName(), event.notificationTime(), deadline, app.dryRun().enabled());
        SinkContext context = new SinkContext(app.settings(), app.clients(), retry, app.dryRun(), metrics,
                app.clock(), selected);
        List<SinkOutcome> outcomes = new ArrayList<>();
        for (SinkFactory factory : app.sinks()) {
            outcomes.add(publishTo(factory.create(context), invocation, decisions));
        }
        return outcomes;
    }

    private SinkOutcome publishTo(EvaluationSink sink, Invocation invocation, List<ResourceDecision> decisions) {
        SinkOutcome outcome;
        try {
            outcome = sink.publish(invocation, decisions);
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).addKeyValue(LogKey.OUTCOME.key(), sink.name()).log("sink failed");
            outcome = new SinkOutcome(sink.name(), 0, List.of(sink.name() + " failed: " + e.getMessage()));
        }
        outcome.failures().forEach(f -> failures.add(sink.name() + ": " + f));
        return outcome;
    }

    private void summarize(InvocationResult result) {
        Map<Compliance, Integer> counts = result.counts();
        LOG.atInfo().addKeyValue(LogKey.MESSAGE_TYPE.key(), result.messageType())
                .addKeyValue(LogKey.RESOURCE_COUNT.key(), result.decisions().size())
                .addKeyValue(LogKey.COMPLIANT_COUNT.key(), counts.get(Compliance.COMPLIANT))
                .addKeyValue(LogKey.NON_COMPLIANT_COUNT.key(), counts.get(Compliance.NON_COMPLIANT))
                .addKeyValue(LogKey.NOT_APPLICABLE_COUNT.key(), counts.get(Compliance.NOT_APPLICABLE))
                .addKeyValue(LogKey.NOT_EVALUATED_COUNT.key(), counts.get(Compliance.NOT_EVALUATED))
                .addKeyValue(LogKey.SKIPPED_COUNT.key(), result.skipped())
                .addKeyValue(LogKey.FAILED_COUNT.key(), result.failures().size())
                .addKeyValue(LogKey.DRY_RUN.key(), app.dryRun().enabled())
                .addKeyValue(LogKey.OUTCOME.key(), result.succeeded() ? "succeeded" : "failed")
                .addKeyValue(LogKey.DURATION_MS.key(), java.time.Duration.between(started, app.clock().instant())
                        .toMillis())
                .log("invocation finished");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
