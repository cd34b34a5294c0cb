package dev.lambdashield.rules.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.evaluate.Compliance;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.handler.InvocationResult;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.handler.StandardSinks;
import dev.lambdashield.rules.testutils.Fixtures;
import dev.lambdashield.rules.testutils.TestApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A periodic run over 10,000 synthetic functions served by a local stand-in for AWS Config, with every
 * bundled policy selected. Checks that the run completes, that inventory reads and PutEvaluations stay at the
 * API limits of 100 per call, and prints the calls made, the elapsed time and the peak heap. Timing is printed,
 * never asserted.
 */
class PeriodicLoadTest {

    private static final int FUNCTIONS = 10_000;
    private static final int LIMIT = 100;
    private static final String TARGET = "StarlingDoveService.";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8)
                .notifier(new ConsoleNotifier(false))
                .extensions(new SyntheticInventory(FUNCTIONS)));
        server.start();
        server.stubFor(AwsStandIn.config(AwsStandIn.LIST).willReturn(aResponse()
                .withTransformers(SyntheticInventory.NAME)));
        server.stubFor(AwsStandIn.config(AwsStandIn.BATCH_GET).willReturn(aResponse()
                .withTransformers(SyntheticInventory.NAME)));
        server.stubFor(AwsStandIn.config(AwsStandIn.COMPLIANCE_DETAILS)
                .willReturn(AwsStandIn.ok("{\"EvaluationResults\":[]}")));
        server.stubFor(AwsStandIn.config(AwsStandIn.PUT_EVALUATIONS)
                .willReturn(AwsStandIn.ok("{\"FailedEvaluations\":[]}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    @Timeout(300)
    void periodicRun_tenThousandFunctions_completesInBatches() {
        AwsEndpoint endpoint = new AwsEndpoint(Region.US_EAST_1, URI.create("http://127.0.0.1:" + server.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real")));
        var event = Fixtures.event("periodic");
        event.setRuleParameters(null);
        List<MemoryPoolMXBean> heapPools = heapPools();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        long started = System.nanoTime();
        long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        InvocationResult result;
        try (RuleApplication app = RuleApplication.builder(TestApplications.settings(endpoint))
                .bundle(TestApplications.bundle()).clients(new AwsClients(endpoint))
                .sinks(List.of(StandardSinks.config())).retryPolicy(AwsStandIn.FAST).build()) {
            result = app.run(event, "req-load", Deadline.fromRemainingMillis(() -> 900_000L));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Duration cpu = Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted);
        long peakHeap = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        int lists = count(AwsStandIn.LIST);
        int batchGets = count(AwsStandIn.BATCH_GET);
        List<LoggedRequest> puts = requests(AwsStandIn.PUT_EVALUATIONS);
        System.out.printf("periodic load: %d functions, %d ListDiscoveredResources, %d BatchGetResourceConfig, "
                        + "%d GetComplianceDetailsByConfigRule, %d PutEvaluations calls; %d ms elapsed, %d ms CPU of the "
                        + "invoking thread, system load average %.1f on %d cores; peak heap %d MiB%n",
                FUNCTIONS, lists, batchGets, count(AwsStandIn.COMPLIANCE_DETAILS), puts.size(), elapsed.toMillis(),
                cpu.toMillis(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), peakHeap / (1024 * 1024));

        assertTrue(result.succeeded(), () -> "failures: " + result.failures());
        assertEquals(FUNCTIONS, result.decisions().size(), "decisions");
        assertEquals(FUNCTIONS / LIMIT, lists, "ListDiscoveredResources pages of 100");
        assertEquals(FUNCTIONS / LIMIT, batchGets, "BatchGetResourceConfig calls of 100 keys");
        assertTrue(puts.size() >= FUNCTIONS / LIMIT, "PutEvaluations calls: " + puts.size());
        assertReportedOnce(puts);
        assertOddFunctionsNonCompliant(result.decisions());
    }

    private static void assertReportedOnce(List<LoggedRequest> puts) {
        Set<String> reported = new HashSet<>();
        for (LoggedRequest put : puts) {
            JsonNode evaluations = AwsStandIn.json(put).path("Evaluations");
            assertTrue(evaluations.size() <= LIMIT, "evaluations in one call: " + evaluations.size());
            for (JsonNode evaluation : evaluations) {
                assertTrue(reported.add(evaluation.path("ComplianceResourceId").asText()),
                        "reported twice: " + evaluation);
            }
        }
        assertEquals(FUNCTIONS, reported.size(), "functions reported");
    }

    private static void assertOddFunctionsNonCompliant(List<ResourceDecision> decisions) {
        for (ResourceDecision decision : decisions) {
            if (SyntheticInventory.number(decision.resourceId()) % 2 == 1) {
                assertEquals(Compliance.NON_COMPLIANT, decision.compliance(), decision.resourceId());
            } else {
                assertTrue(decision.compliance() == Compliance.COMPLIANT
                        || decision.compliance() == Compliance.NON_COMPLIANT, decision.resourceId());
            }
        }
    }

    private int count(String operation) {
        return requests(operation).size();
    }

    private List<LoggedRequest> requests(String operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + operation)));
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }
}
