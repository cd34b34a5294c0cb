package dev.lambdashield.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.benchmarks.RepositoryFiles;
import dev.lambdashield.benchmarks.TypicalItem;
import dev.lambdashield.benchmarks.baseline.HandCodedChecks;
import dev.lambdashield.rules.evaluate.EvaluationContext;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyEvaluator;
import dev.lambdashield.rules.evaluate.PolicyResult;
import dev.lambdashield.rules.evaluate.PolicySelection;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.Violation;
import dev.lambdashield.rules.event.EventJson;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks that the hand-coded baseline does the same work as the policies it stands for: on the typical item both
 * must report the same violation and advisory messages, or the baseline ratio compares different things.
 */
final class BaselineAgreement {

    private BaselineAgreement() {
    }

    static void print(PrintStream out) {
        TypicalItem item = TypicalItem.load();
        EvaluationContext context = new EvaluationContext("123456789012", "us-east-1", "lambda-shield-functions",
                "ConfigurationItemChangeNotification", item.captureTime());
        PolicyEvaluator evaluator = PolicyEvaluator.create(PolicyBundle.bundled(),
                Map.of(PolicySelection.PARAMETER, HandCodedChecks.POLICY_IDS), context, null);
        ResourceDecision decision = evaluator.evaluate(EventJson.parse(item.json(), "item"), item.captureTime(),
                Instant.now().plusSeconds(60));
        TreeSet<String> fromPolicies = new TreeSet<>();
        for (PolicyResult result : decision.results()) {
            result.denies().forEach(v -> fromPolicies.add("deny: " + message(v)));
            result.warns().forEach(v -> fromPolicies.add("warn: " + message(v)));
        }
        JsonNode runtimes = EventJson.parse(RepositoryFiles.read("policies/data/runtimes.json"), "runtimes.json")
                .path("lambda_shield_data").path("runtimes").path("identifiers");
        HandCodedChecks.Outcome outcome = new HandCodedChecks(EventJson.MAPPER, runtimes)
                .check(EventJson.parse(item.json(), "item"), item.captureTime());
        TreeSet<String> fromJava = new TreeSet<>();
        outcome.denies().forEach(m -> fromJava.add("deny: " + m));
        outcome.warns().forEach(m -> fromJava.add("warn: " + m));
        out.println("== Hand-coded baseline: " + HandCodedChecks.POLICY_IDS.split(",").length + " policies ==");
        out.println("      " + (fromPolicies.equals(fromJava) ? "PASS" : "MISS")
                + "  same messages as the policies on the typical item: " + fromPolicies.size() + " from Rego, "
                + fromJava.size() + " from Java");
        if (!fromPolicies.equals(fromJava)) {
            out.println("      Rego only: " + minus(fromPolicies, fromJava));
            out.println("      Java only: " + minus(fromJava, fromPolicies));
        }
        out.println();
    }

    private static String message(Violation violation) {
        return violation.message();
    }

    private static List<String> minus(TreeSet<String> a, TreeSet<String> b) {
        TreeSet<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return List.copyOf(rest);
    }
}
