package dev.lambdashield.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.cli.AwsCredentials;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.ConfigApi;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.SdkConfigApi;
import dev.lambdashield.rules.enrich.Enricher;
import dev.lambdashield.rules.enrich.EnrichmentException;
import dev.lambdashield.rules.enrich.EnrichmentSource;
import dev.lambdashield.rules.enrich.FunctionTarget;
import dev.lambdashield.rules.evaluate.Enrichment;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.event.CollectedItems;
import dev.lambdashield.rules.event.EventException;
import dev.lambdashield.rules.event.EventItem;
import dev.lambdashield.rules.event.ItemCollector;
import dev.lambdashield.rules.event.MessageType;
import dev.lambdashield.rules.event.RuleEvent;
import dev.lambdashield.rules.redact.Redactor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans a live account read-only: the rule's periodic inventory walk (ListDiscoveredResources and
 * BatchGetResourceConfig) through a Config client that rejects writes, then the same evaluation as the rule,
 * with the rule's Lambda and IAM enrichment when asked for.
 */
final class AwsScan {

    private final AwsScanOptions options;
    private final PolicyBundle bundle;
    private final Map<String, String> parameters;
    private final Instant evaluationTime;
    private final Clock clock = Clock.systemUTC();
    private final ProgressBar progress;

    AwsScan(AwsScanOptions options, PolicyBundle bundle, Map<String, String> parameters, Instant evaluationTime,
            ProgressBar progress) {
        this.options = options;
        this.bundle = bundle;
        this.parameters = parameters;
        this.evaluationTime = evaluationTime;
        this.progress = progress;
    }

    ScanResult scan() {
        Region region = region();
        AwsEndpoint endpoint = new AwsEndpoint(region, options.endpoint, credentials());
        try (AwsClients clients = new AwsClients(endpoint)) {
            Retry retry = Retry.create(Deadline.none());
            Enrichment enrichment = options.enrichment ? enrichment(clients, retry) : null;
            Evaluators evaluators = new Evaluators(bundle, parameters, evaluationTime, enrichment);
            ConfigApi config = new ReadOnlyConfigApi(new SdkConfigApi(clients.config(), retry, DryRun.off()));
            CollectedItems collected = collect(config, retry, evaluators);
            return evaluate(collected.items(), evaluators, "aws://" + region.id());
        } catch (AwsCallException | EnrichmentException e) {
            throw new CliException("the scan of " + region.id() + " failed: " + e.getMessage(), e);
        }
    }

    private CollectedItems collect(ConfigApi config, Retry retry, Evaluators evaluators) {
        // The periodic notification's inventory walk, for no rule: the scan has no earlier evaluations.
        RuleEvent walk = new RuleEvent(MessageType.SCHEDULED, dev.lambdashield.rules.event.EventJson.MAPPER
                .createObjectNode(), Map.of(), null, false, null, null, null, evaluationTime);
        try {
            return new ItemCollector(config, retry, Duration.ZERO).collect(walk, evaluators.any().resourceTypes(),
                    evaluationTime);
        } catch (EventException e) {
            throw new CliException("cannot list the account's resources: " + e.getMessage(), e);
        }
    }

    private ScanResult evaluate(List<EventItem> items, Evaluators evaluators, String target) {
        progress.total(items.size());
        Redactor redactor = Redactor.create();
        List<ResourceResult> resources = new ArrayList<>();
        for (EventItem item : items) {
            JsonNode resource = item.item();
            ResourceDecision decision = evaluators.forScope(resource.path("awsAccountId").asText(null),
                    resource.path("awsRegion").asText(null)).evaluate(item,
                    clock.instant().plus(FolderScan.EVALUATION_TIMEOUT));
            resources.add(DecisionMapper.map(decision, target, redactor));
            progress.update(resources.size());
        }
        progress.finish();
        List<String> skipped = new ArrayList<>();
        evaluators.any().skipped().forEach(policy -> skipped.add("policy " + policy.id() + ": needs enrichment ("
                + String.join(", ", policy.enrichment()) + "); add --enrichment to run it"));
        return new ScanResult(target, evaluators.any().selected(), resources, skipped, clock.instant());
    }

    /** Adapts the rule's Lambda and IAM enrichment to this scan's clients. */
    private static Enrichment enrichment(AwsClients clients, Retry retry) {
        Enricher enricher = Enricher.create(clients.lambda(), clients.iam(), retry);
        return (item, sources) -> {
            Set<EnrichmentSource> parsed = EnumSet.noneOf(EnrichmentSource.class);
            sources.forEach(source -> parsed.add(EnrichmentSource.parse(source)));
            return enricher.enrich(FunctionTarget.fromItem(item), parsed);
        };
    }

    private Region region() {
        String name = options.region != null ? options.region : System.getenv("AWS_REGION");
        if (name == null || name.isBlank()) {
            throw new CliException("no region: give --region or set AWS_REGION");
        }
        return Region.of(name.trim());
    }

    private AwsCredentialsProvider credentials() {
        return AwsCredentials.of(options.profile);
    }
}
