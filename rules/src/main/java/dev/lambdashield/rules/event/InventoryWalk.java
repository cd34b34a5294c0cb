package dev.lambdashield.rules.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.aws.AwsCallException;
import dev.lambdashield.rules.aws.ConfigApi;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.observe.LogKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.config.model.BaseConfigurationItem;
import software.amazon.awssdk.services.config.model.BatchGetResourceConfigResponse;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.EvaluationResult;
import software.amazon.awssdk.services.config.model.EvaluationResultQualifier;
import software.amazon.awssdk.services.config.model.GetComplianceDetailsByConfigRuleRequest;
import software.amazon.awssdk.services.config.model.GetComplianceDetailsByConfigRuleResponse;
import software.amazon.awssdk.services.config.model.ListDiscoveredResourcesRequest;
import software.amazon.awssdk.services.config.model.ListDiscoveredResourcesResponse;
import software.amazon.awssdk.services.config.model.ResourceIdentifier;
import software.amazon.awssdk.services.config.model.ResourceKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The periodic run's walk over the recorded inventory: {@code ListDiscoveredResources} page by page (100 per
 * page), each page's items with one {@code BatchGetResourceConfig} call (its limit is 100 keys), then
 * {@code GetComplianceDetailsByConfigRule} to find resources this rule reported before that are no longer in
 * the inventory; those become NOT_APPLICABLE so their old result does not linger.
 */
final class InventoryWalk {

    /** Page size of ListDiscoveredResources and key count of BatchGetResourceConfig (both API maximums). */
    static final int PAGE_SIZE = 100;
    /** Attempts at keys that BatchGetResourceConfig returns as unprocessed. */
    static final int MAX_UNPROCESSED_ATTEMPTS = 5;
    static final String GONE_REASON = "resource no longer recorded";

    private static final Logger LOG = LoggerFactory.getLogger(InventoryWalk.class);

    private final ConfigApi config;
    private final Retry retry;
    private final Duration reserve;
    private final Map<String, EventItem> items = new LinkedHashMap<>();
    private int calls;

    InventoryWalk(ConfigApi config, Retry retry, Duration reserve) {
        this.config = config;
        this.retry = retry;
        this.reserve = reserve;
    }

    CollectedItems walk(RuleEvent event, Set<String> resourceTypes, Instant ordering) {
        for (String type : new TreeSet<>(resourceTypes)) {
            if (!listType(type, ordering)) {
                LOG.atWarn().addKeyValue(LogKey.RESOURCE_COUNT.key(), items.size())
                        .addKeyValue(LogKey.REMAINING_MS.key(), retry.deadline().remaining().toMillis())
                        .log("inventory walk stopped early: too little time left; remaining resources are "
                                + "evaluated by the next periodic run and no resource is marked as gone");
                return new CollectedItems(new ArrayList<>(items.values()), false, calls);
            }
        }
        addGoneResources(event.ruleName(), ordering);
        return new CollectedItems(new ArrayList<>(items.values()), true, calls);
    }

    /** Lists one type; false when it stopped because time ran low. */
    private boolean listType(String type, Instant ordering) {
        String token = null;
        do {
            if (!retry.deadline().allows(reserve)) {
                return false;
            }
            ListDiscoveredResourcesResponse page = config.listDiscoveredResources(ListDiscoveredResourcesRequest
                    .builder().resourceType(type).limit(PAGE_SIZE).includeDeletedResources(false)
                    .nextToken(token).build());
            calls++;
            List<ResourceKey> keys = new ArrayList<>();
            for (ResourceIdentifier id : page.resourceIdentifiers()) {
                keys.add(ResourceKey.builder().resourceType(id.resourceTypeAsString()).resourceId(id.resourceId())
                        .build());
            }
            if (!keys.isEmpty()) {
                fetch(keys, ordering);
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return true;
    }

    private void fetch(List<ResourceKey> keys, Instant ordering) {
        List<ResourceKey> pending = keys;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            BatchGetResourceConfigResponse response = config.batchGetResourceConfig(
                    software.amazon.awssdk.services.config.model.BatchGetResourceConfigRequest.builder()
                            .resourceKeys(pending).build());
            calls++;
            for (BaseConfigurationItem base : response.baseConfigurationItems()) {
                add(ConfigurationItems.fromBatch(base), ordering);
            }
            pending = response.unprocessedResourceKeys();
            if (pending.isEmpty()) {
                return;
            }
            if (attempt >= MAX_UNPROCESSED_ATTEMPTS || !retry.pause(attempt, ConfigApi.SERVICE,
                    "BatchGetResourceConfig", pending.size() + " unprocessed keys")) {
                throw new AwsCallException(ConfigApi.SERVICE, "BatchGetResourceConfig", attempt,
                        pending.size() + " resource keys stayed unprocessed, e.g. " + pending.get(0).resourceId(),
                        null);
            }
        }
    }

    private void add(ObjectNode item, Instant ordering) {
        String status = ConfigurationItems.status(item);
        EventItem eventItem = status != null && ConfigurationItems.NOT_RECORDED_STATUSES.contains(status)
                ? EventItem.notApplicable(item, ordering, status)
                : EventItem.evaluate(item, ordering);
        items.put(key(eventItem.resourceType(), eventItem.resourceId()), eventItem);
    }

    private void addGoneResources(String ruleName, Instant ordering) {
        String token = null;
        do {
            GetComplianceDetailsByConfigRuleResponse page = config.getComplianceDetailsByConfigRule(
                    GetComplianceDetailsByConfigRuleRequest.builder().configRuleName(ruleName)
                            .complianceTypes(ComplianceType.COMPLIANT, ComplianceType.NON_COMPLIANT)
                            .limit(PAGE_SIZE).nextToken(token).build());
            calls++;
            for (EvaluationResult result : page.evaluationResults()) {
                addIfGone(result, ordering);
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
    }

    private void addIfGone(EvaluationResult result, Instant ordering) {
        if (result.evaluationResultIdentifier() == null
                || result.evaluationResultIdentifier().evaluationResultQualifier() == null) {
            return;
        }
        EvaluationResultQualifier qualifier = result.evaluationResultIdentifier().evaluationResultQualifier();
        String key = key(qualifier.resourceType(), qualifier.resourceId());
        if (items.containsKey(key)) {
            return;
        }
        LOG.atDebug().addKeyValue(LogKey.RESOURCE_TYPE.key(), qualifier.resourceType())
                .addKeyValue(LogKey.RESOURCE_ID.key(), qualifier.resourceId())
                .log("resource reported before is gone from the inventory");
        JsonNode missing = ItemCollector.missing();
        items.put(key, new EventItem(missing, qualifier.resourceType(), qualifier.resourceId(), null, ordering,
                GONE_REASON));
    }

    private static String key(String type, String id) {
        return type + "\u0000" + id;
    }
}
