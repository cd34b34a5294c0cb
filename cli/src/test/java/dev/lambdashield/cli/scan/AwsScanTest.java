package dev.lambdashield.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdashield.cli.Cli;
import dev.lambdashield.cli.ExitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scans a stand-in for AWS Config on 127.0.0.1, serving the periodic fixture's recorded inventory. */
class AwsScanTest {

    private static final String TARGET = "StarlingDoveService.";

    private WireMockServer config;

    @BeforeEach
    void startStandIn() throws Exception {
        config = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        config.start();
        Path recorded = Cli.repoRoot().resolve("test-fixtures/events/periodic.aws");
        for (String operation : new String[] {"ListDiscoveredResources", "BatchGetResourceConfig"}) {
            config.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + operation))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody(Files.readString(recorded.resolve(operation + ".json")))));
        }
    }

    @AfterEach
    void stopStandIn() {
        config.stop();
    }

    @Test
    void liveScanReadsInventoryOnly() throws Exception {
        Cli.Result result = Cli.run("scan", "--aws", "--region", "us-east-1", "--endpoint-url",
                config.baseUrl(), "--time", "2026-12-04T12:00:00Z", "--format", "json");

        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.describe());
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals("aws://us-east-1", root.get("target").asText());
        assertTrue(root.get("resources").size() >= 2, result.out());
        assertTrue(root.at("/summary/violations").asInt() > 0, result.out());
        config.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "ListDiscoveredResources")));
        assertEquals(0, config.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "PutEvaluations"))).size(), "nothing is written");
    }

    @Test
    void missingRegionIsUsageError() {
        Cli.Result result = Cli.run("scan", "--aws", "--endpoint-url", config.baseUrl(), "--region", " ");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("no region"), result.err());
    }
}
