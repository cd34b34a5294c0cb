package dev.lambdashield.rules.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.aws.RecordedConfigServer;
import dev.lambdashield.rules.testutils.Fixtures;
import dev.lambdashield.rules.testutils.TestApplications;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import software.amazon.awssdk.regions.Region;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every fixture event through the real handler and policies in dry-run and compares the printed
 * PutEvaluations requests with the fixture's {@code .expected.json}. Reads a fixture needs (history, inventory)
 * are served from its {@code .aws/} folder by {@link RecordedConfigServer}, as the CLI does; no write may
 * reach it.
 */
class FixtureDryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.events())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().collect(Collectors.toList());
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture_printsExpectedEvaluations(String name) throws Exception {
        JsonNode expected = Fixtures.json(Fixtures.events().resolve(name + ".expected.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (RecordedConfigServer server = RecordedConfigServer.start(Fixtures.events().resolve(name + ".aws"));
             RuleApplication app = TestApplications.builder(
                     new AwsEndpoint(Region.US_EAST_1, server.endpoint(), server.credentials()),
                     new PrintStream(out, true, StandardCharsets.UTF_8)).build()) {
            run(app, name, expected);
            assertFalse(server.operations().contains("PutEvaluations"), "dry-run sent PutEvaluations");
        }

        compare(name, expected.get("evaluations"), printedEvaluations(out));
    }

    private static void run(RuleApplication app, String name, JsonNode expected) {
        if (expected.hasNonNull("error")) {
            InvocationFailedException e = assertThrows(InvocationFailedException.class,
                    () -> app.run(Fixtures.event(name), "fixture-" + name, Deadline.none()));
            assertEquals(expected.get("error").get("code").asText(), e.code());
            for (JsonNode part : expected.get("error").path("contains")) {
                assertTrue(e.getMessage().contains(part.asText()), e.getMessage());
            }
        } else {
            app.run(Fixtures.event(name), "fixture-" + name, Deadline.none());
        }
    }

    private static List<JsonNode> printedEvaluations(ByteArrayOutputStream out) throws IOException {
        List<JsonNode> evaluations = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode request = JSON.readTree(line);
            if ("config".equals(request.path("service").asText())
                    && "PutEvaluations".equals(request.path("operation").asText())) {
                request.get("request").get("Evaluations").forEach(evaluations::add);
            }
        }
        return evaluations;
    }

    private static void compare(String name, JsonNode expected, List<JsonNode> actual) {
        assertEquals(expected.size(), actual.size(), name + ": number of evaluations, printed " + actual);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = actual.get(i);
            String where = name + " evaluation " + i + ": " + got;
            assertEquals(want.get("ComplianceResourceType").asText(), got.get("ComplianceResourceType").asText(), where);
            assertEquals(want.get("ComplianceResourceId").asText(), got.get("ComplianceResourceId").asText(), where);
            assertEquals(want.get("ComplianceType").asText(), got.get("ComplianceType").asText(), where);
            assertEquals(Instant.parse(want.get("OrderingTimestamp").asText()),
                    Instant.parse(got.get("OrderingTimestamp").asText()), where);
            compareAnnotation(want, got.path("Annotation").asText(""), where);
        }
    }

    private static void compareAnnotation(JsonNode want, String annotation, String where) {
        assertTrue(annotation.length() <= 256, where);
        if (want.has("annotationPrefix")) {
            assertTrue(annotation.startsWith(want.get("annotationPrefix").asText()), where);
        }
        for (JsonNode part : want.path("annotationContains")) {
            assertTrue(annotation.contains(part.asText()), where + " should contain " + part);
        }
        for (JsonNode part : want.path("annotationAbsent")) {
            assertFalse(annotation.contains(part.asText()), where + " should not contain " + part);
        }
        assertNotNull(annotation);
    }
}
