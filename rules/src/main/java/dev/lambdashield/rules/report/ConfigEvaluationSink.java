package dev.lambdashield.rules.report;

import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.ConfigApi;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.observe.LogKey;
import dev.lambdashield.rules.observe.MetricName;
import dev.lambdashield.rules.observe.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.config.model.Evaluation;
import software.amazon.awssdk.services.config.model.PutEvaluationsRequest;
import software.amazon.awssdk.services.config.model.PutEvaluationsResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports decisions to AWS Config with {@code PutEvaluations}: one evaluation per resource, at most
 * {@value #BATCH_SIZE} per call. Evaluations that Config returns in {@code FailedEvaluations} are sent again
 * with backoff; those that still fail, and batches whose call fails for good, are returned as failures so the
 * invocation fails and Config retries. Re-sending an evaluation with the same OrderingTimestamp changes nothing
 * in Config, so retries are safe.
 */
public final class ConfigEvaluationSink implements EvaluationSink {

    /** The PutEvaluations maximum. */
    public static final int BATCH_SIZE = 100;
    /** Sends of the evaluations Config reports as failed, including the first. */
    static final int MAX_FAILED_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigEvaluationSink.class);

    private final ConfigApi config;
    private final Retry retry;
    private final Metrics metrics;
    private final Duration reserve;

    /**
     * @param reserve time a batch needs; with less left, the remaining batches are not started and are returned
     *                as failures
     */
    public ConfigEvaluationSink(ConfigApi config, Retry retry, Metrics metrics, Duration reserve) {
        this.config = config;
        this.retry = retry;
        this.metrics = metrics;
        this.reserve = reserve;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public SinkOutcome publish(Invocation invocation, List<ResourceDecision> decisions) {
        List<Evaluation> evaluations = EvaluationMapper.toEvaluations(decisions);
        List<String> failures = new ArrayList<>();
        int delivered = 0;
        for (int from = 0; from < evaluations.size(); from += BATCH_SIZE) {
            List<Evaluation> batch = evaluations.subList(from, Math.min(evaluations.size(), from + BATCH_SIZE));
            if (!retry.deadline().allows(reserve)) {
                int left = evaluations.size() - from;
                LOG.atError().addKeyValue(LogKey.FAILED_COUNT.key(), left)
                        .addKeyValue(LogKey.REMAINING_MS.key(), retry.deadline().remaining().toMillis())
                        .log("evaluations not sent: too little time left in the invocation");
                failures.add(left + " evaluations not sent because the invocation ran out of time");
                break;
            }
            List<Evaluation> failed = send(invocation.resultToken(), batch);
            delivered += batch.size() - failed.size();
            count(batch, failed);
            for (Evaluation evaluation : failed) {
                failures.add("PutEvaluations failed for " + evaluation.complianceResourceType() + " "
                        + evaluation.complianceResourceId());
            }
        }
        if (!failures.isEmpty()) {
            metrics.add(MetricName.REPORT_FAILURES, failures.size(), Map.of(Metrics.SINK, name()));
        }
        return new SinkOutcome(name(), delivered, failures);
    }

    /** Sends one batch; returns the evaluations that could not be delivered. */
    private List<Evaluation> send(String resultToken, List<Evaluation> batch) {
        List<Evaluation> pending = batch;
        for (int attempt = 1; ; attempt++) {
            PutEvaluationsResponse response;
            try {
                response = config.putEvaluations(PutEvaluationsRequest.builder().resultToken(resultToken)
                        .evaluations(pending).build());
            } catch (AwsCallException e) {
                LOG.atError().addKeyValue(LogKey.ERROR.key(), e.getMessage())
                        .addKeyValue(LogKey.FAILED_COUNT.key(), pending.size())
                        .addKeyValue(LogKey.OPERATION.key(), "PutEvaluations")
                        .log("PutEvaluations failed; the invocation fails so Config retries it");
                return pending;
            }
            List<Evaluation> failed = matching(pending, response.failedEvaluations());
            if (failed.isEmpty()) {
                return failed;
            }
            if (attempt >= MAX_FAILED_ATTEMPTS || !retry.pause(attempt, ConfigApi.SERVICE, "PutEvaluations",
                    failed.size() + " FailedEvaluations")) {
                LOG.atError().addKeyValue(LogKey.FAILED_COUNT.key(), failed.size())
                        .addKeyValue(LogKey.ATTEMPT.key(), attempt)
                        .addKeyValue(LogKey.RESOURCE_ID.key(), failed.get(0).complianceResourceId())
                        .log("Config kept rejecting evaluations; the invocation fails so Config retries it");
                return failed;
            }
            pending = failed;
        }
    }

    /**
     * Maps Config's failed evaluations back to the ones sent, by resource type and id, so the retry sends
     * exactly what was built (Config may echo them back incompletely).
     */
    private static List<Evaluation> matching(List<Evaluation> sent, List<Evaluation> failed) {
        if (failed.isEmpty()) {
            return List.of();
        }
        Map<String, Evaluation> byKey = new LinkedHashMap<>();
        sent.forEach(e -> byKey.put(e.complianceResourceType() + "\u0000" + e.complianceResourceId(), e));
        List<Evaluation> result = new ArrayList<>();
        for (Evaluation f : failed) {
            Evaluation original = byKey.remove(f.complianceResourceType() + "\u0000" + f.complianceResourceId());
            result.add(original != null ? original : f);
        }
        return result;
    }

    private void count(List<Evaluation> batch, List<Evaluation> failed) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (Evaluation evaluation : batch) {
            if (!failed.contains(evaluation)) {
                byType.merge(evaluation.complianceTypeAsString(), 1, Integer::sum);
            }
        }
        byType.forEach((type, n) -> metrics.add(MetricName.EVALUATIONS, n, Map.of(Metrics.COMPLIANCE_TYPE, type)));
    }
}
