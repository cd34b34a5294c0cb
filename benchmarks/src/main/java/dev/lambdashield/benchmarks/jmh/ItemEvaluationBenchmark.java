package dev.lambdashield.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.benchmarks.RepositoryFiles;
import dev.lambdashield.benchmarks.TypicalItem;
import dev.lambdashield.benchmarks.baseline.HandCodedChecks;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.EvaluationContext;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyEvaluator;
import dev.lambdashield.rules.evaluate.PolicySelection;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.event.EventJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Warm cost of one configuration item, single-threaded, in sample-time mode so JMH reports p50 and p99. Every
 * benchmark starts from the item's JSON text, as the rule receives it:
 * <ul>
 *   <li>{@code parseOnly}: Jackson parses the text with the rule's reader, the lower limit;</li>
 *   <li>{@code evaluateAllPolicies}: parse, then every bundled policy through the rule's evaluator;</li>
 *   <li>{@code evaluateBaselinePolicies}: the same, selecting only the policies {@link HandCodedChecks} covers;</li>
 *   <li>{@code handCodedBaseline}: parse, then those checks written in Java.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ItemEvaluationBenchmark {

    private String itemJson;
    private Instant captureTime;
    private Instant deadline;
    private PolicyEvaluator allPolicies;
    private PolicyEvaluator baselinePolicies;
    private HandCodedChecks handCoded;

    @Setup
    public void setUp() {
        TypicalItem item = TypicalItem.load();
        itemJson = item.json();
        captureTime = item.captureTime();
        deadline = Instant.now().plus(java.time.Duration.ofDays(1));
        // A fixed evaluation time keeps the runtime-deprecation checks stable from run to run.
        EvaluationContext context = new EvaluationContext("123456789012", "us-east-1", "lambda-shield-functions",
                "ConfigurationItemChangeNotification", captureTime);
        PolicyBundle bundle = PolicyBundle.bundled();
        allPolicies = PolicyEvaluator.create(bundle, Map.of(), context, null);
        baselinePolicies = PolicyEvaluator.create(bundle,
                Map.of(PolicySelection.PARAMETER, HandCodedChecks.POLICY_IDS), context, null);
        JsonNode runtimes = EventJson.parse(RepositoryFiles.read("policies/data/runtimes.json"), "runtimes.json")
                .path("lambda_shield_data").path("runtimes").path("identifiers");
        handCoded = new HandCodedChecks(EventJson.MAPPER, runtimes);
        requireEvaluated(evaluateAllPolicies());
        requireEvaluated(evaluateBaselinePolicies());
    }

    private static void requireEvaluated(ResourceDecision decision) {
        if (decision.compliance() == Compliance.NOT_EVALUATED || decision.compliance() == Compliance.NOT_APPLICABLE) {
            throw new IllegalStateException("the typical item was not evaluated: " + decision.compliance() + " "
                    + decision.reason() + " " + decision.failures());
        }
    }

    @Benchmark
    public JsonNode parseOnly() {
        return EventJson.parse(itemJson, "configurationItem");
    }

    @Benchmark
    public ResourceDecision evaluateAllPolicies() {
        return allPolicies.evaluate(EventJson.parse(itemJson, "configurationItem"), captureTime, deadline);
    }

    @Benchmark
    public ResourceDecision evaluateBaselinePolicies() {
        return baselinePolicies.evaluate(EventJson.parse(itemJson, "configurationItem"), captureTime, deadline);
    }

    @Benchmark
    public HandCodedChecks.Outcome handCodedBaseline() {
        return handCoded.check(EventJson.parse(itemJson, "configurationItem"), captureTime);
    }
}
