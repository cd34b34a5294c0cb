package dev.lambdashield.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local stand-in for AWS Config (JSON 1.1, operation in {@code X-Amz-Target}) on 127.0.0.1 that serves a
 * {@link SyntheticInventory}: {@code ListDiscoveredResources} in pages of at most 100, {@code BatchGetResourceConfig}
 * for the keys requested, no earlier evaluations, and {@code PutEvaluations} accepted in full. Security Hub's
 * {@code GetFindings} (REST, {@code POST /findings}) returns no findings. It counts calls per operation and the
 * evaluations received, and runs in the harness's JVM so it adds nothing to the measured JVM's heap.
 */
final class SyntheticAwsServer implements AutoCloseable {

    private static final String TARGET_PREFIX = "StarlingDoveService.";
    private static final int PAGE_LIMIT = 100;

    private final ObjectMapper mapper = new ObjectMapper();
    private final SyntheticInventory inventory;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final LongAdder evaluationsReceived = new LongAdder();
    private final AtomicInteger largestPutEvaluations = new AtomicInteger();

    SyntheticAwsServer(SyntheticInventory inventory) throws IOException {
        this.inventory = inventory;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Calls received so far, by operation name. */
    Map<String, Integer> calls() {
        Map<String, Integer> copy = new TreeMap<>();
        calls.forEach((operation, count) -> copy.put(operation, count.get()));
        return copy;
    }

    long evaluationsReceived() {
        return evaluationsReceived.sum();
    }

    int largestPutEvaluations() {
        return largestPutEvaluations.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX)
                    ? target.substring(TARGET_PREFIX.length())
                    : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            JsonNode request = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
            JsonNode response = respond(operation, request);
            int status = response == null ? 400 : 200;
            if (response == null) {
                response = mapper.createObjectNode().put("__type", "ValidationException")
                        .put("message", "the benchmark stand-in does not serve " + operation);
            }
            byte[] out = mapper.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", target != null ? "application/x-amz-json-1.1"
                    : "application/json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private JsonNode respond(String operation, JsonNode request) {
        switch (operation) {
            case "ListDiscoveredResources":
                return listPage(request);
            case "BatchGetResourceConfig":
                return batchGet(request);
            case "GetComplianceDetailsByConfigRule":
                return mapper.createObjectNode().set("EvaluationResults", mapper.createArrayNode());
            case "PutEvaluations":
                int count = request.path("Evaluations").size();
                evaluationsReceived.add(count);
                largestPutEvaluations.accumulateAndGet(count, Math::max);
                return mapper.createObjectNode().set("FailedEvaluations", mapper.createArrayNode());
            case "POST /findings":
                return mapper.createObjectNode().set("Findings", mapper.createArrayNode());
            default:
                return null;
        }
    }

    private JsonNode listPage(JsonNode request) {
        int limit = Math.min(PAGE_LIMIT, request.path("limit").asInt(PAGE_LIMIT) <= 0 ? PAGE_LIMIT
                : request.path("limit").asInt(PAGE_LIMIT));
        int start = request.path("nextToken").isTextual() ? Integer.parseInt(request.path("nextToken").asText()) : 0;
        int end = Math.min(inventory.size(), start + limit);
        ObjectNode page = mapper.createObjectNode();
        ArrayNode identifiers = page.putArray("resourceIdentifiers");
        if (SyntheticInventory.FUNCTION_TYPE.equals(request.path("resourceType").asText())) {
            for (int i = start; i < end; i++) {
                String name = SyntheticInventory.functionName(i);
                identifiers.addObject().put("resourceType", SyntheticInventory.FUNCTION_TYPE)
                        .put("resourceId", name).put("resourceName", name);
            }
            if (end < inventory.size()) {
                page.put("nextToken", String.valueOf(end));
            }
        }
        return page;
    }

    private JsonNode batchGet(JsonNode request) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode items = response.putArray("baseConfigurationItems");
        response.putArray("unprocessedResourceKeys");
        for (JsonNode key : request.path("resourceKeys")) {
            int index = SyntheticInventory.indexOf(key.path("resourceId").asText(null));
            if (index >= 0 && index < inventory.size()) {
                items.add(inventory.baseItem(index));
            }
        }
        return response;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
