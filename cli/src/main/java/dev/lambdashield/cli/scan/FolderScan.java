package dev.lambdashield.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.JsonFiles;
import dev.lambdashield.rules.evaluate.InvalidParameterException;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.evaluate.PolicyEvaluator;
import dev.lambdashield.rules.event.EventItem;
import dev.lambdashield.rules.redact.Redactor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scans the configuration items and Config events in a folder (or one file) with the selected policies, as
 * the rule would evaluate them, without sending anything anywhere.
 */
final class FolderScan {

    /** Each policy evaluation gets this long before the engine cancels it with {@code eval_cancel_error}. */
    static final Duration EVALUATION_TIMEOUT = Duration.ofSeconds(10);

    private final Evaluators evaluators;
    private final ProgressBar progress;
    private final Clock clock;
    private final Redactor redactor = Redactor.create();

    /** @param clock the wall clock, for evaluation deadlines and the finish time */
    FolderScan(Evaluators evaluators, ProgressBar progress, Clock clock) {
        this.evaluators = evaluators;
        this.progress = progress;
        this.clock = clock;
    }

    ScanResult scan(Path root, String displayName) {
        List<Path> files = InputFiles.under(root, displayName);
        progress.total(files.size());

        List<ResourceResult> resources = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int done = 0;
        for (Path file : files) {
            JsonNode json = JsonFiles.read(file);
            InputReader.Read read = InputReader.read(file, json, evaluators.any().resourceTypes(),
                    evaluators.evaluationTime());
            if (read.skipReason() != null) {
                skipped.add(file + ": " + read.skipReason());
            }
            Map<String, String> itemParameters = itemParameters(file);
            for (EventItem item : read.items()) {
                try {
                    resources.add(DecisionMapper.map(evaluate(item, itemParameters), file.toString(), redactor));
                } catch (InvalidParameterException e) {
                    throw new CliException(file + ": invalid parameter '" + e.parameter() + "': " + e.getMessage(), e);
                }
            }
            progress.update(++done);
        }
        progress.finish();

        PolicyEvaluator any = evaluators.any();
        for (var policy : any.skipped()) {
            skipped.add("policy " + policy.id() + ": needs enrichment (" + String.join(", ", policy.enrichment())
                    + "), which only a live scan with --aws --enrichment provides");
        }
        return new ScanResult(displayName, any.selected(), resources, skipped, clock.instant());
    }

    private ResourceDecision evaluate(EventItem item, Map<String, String> itemParameters) {
        JsonNode resource = item.item();
        String account = text(resource, "awsAccountId");
        String region = text(resource, "awsRegion");
        Instant deadline = clock.instant().plus(EVALUATION_TIMEOUT);
        return evaluators.forScope(account, region, itemParameters).evaluate(item, deadline);
    }

    /**
     * Reads the rule parameters beside an item file ({@code <case>.parameters.json}: an object of parameter name
     * to value, as a Config rule gets them); empty when there is none.
     */
    private static Map<String, String> itemParameters(Path file) {
        Path parametersFile = InputFiles.parametersOf(file);
        if (!Files.isRegularFile(parametersFile)) {
            return Map.of();
        }
        JsonNode json = JsonFiles.read(parametersFile);
        if (!json.isObject()) {
            throw new CliException(parametersFile + ": rule parameters must be a JSON object of name to value");
        }
        Map<String, String> parameters = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            JsonNode value = field.getValue();
            parameters.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
        }
        return parameters;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
