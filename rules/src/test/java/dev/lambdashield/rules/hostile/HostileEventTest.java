package dev.lambdashield.rules.hostile;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.evaluate.ResourceDecision;
import dev.lambdashield.rules.testutils.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-event corpus under {@code hostile/events/}: each file is a Lambda event in the fixture form plus
 * an {@code expect} field: {@code error:<code>} (a coded failure with that code), {@code decision:<compliance>}
 * (the function's decision) or {@code coded} (a decision or a coded failure, never a crash). The cases too big to
 * commit (5 MB strings, 10,000 nesting levels) are built here from the same base event.
 */
@Timeout(60)
class HostileEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HUGE = 5 * 1024 * 1024;
    private static final int DEEP = 10_000;

    private static HostileRunner runner;

    @BeforeAll
    static void start() {
        runner = new HostileRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileEventTest.class.getResource("/hostile/events").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusEvent_decidedOrRejectedWithCode(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        String expect = node.path("expect").asText();

        HostileRunner.Outcome outcome = runner.run(Fixtures.toEvent(node));

        check(expect, outcome, file.getFileName().toString());
    }

    @Test
    void hugeStrings_decided() {
        String huge = "a".repeat(HUGE);
        ConfigEvent event = Fixtures.event("change-noncompliant");
        ObjectNode invoking = invoking(event);
        ObjectNode configuration = (ObjectNode) invoking.path("configurationItem").path("configuration");
        configuration.put("description", huge);
        configuration.with("environment").with("variables").put("BLOB", huge);
        ((ObjectNode) invoking.path("configurationItem").path("tags")).put("note", huge);
        event.setInvokingEvent(invoking.toString());

        HostileRunner.Outcome outcome = runner.run(event);

        check("decision:NON_COMPLIANT", outcome, "5 MB strings");
    }

    @Test
    void hugeResourceId_decidedOrRejected() {
        ConfigEvent event = Fixtures.event("change-noncompliant");
        ObjectNode invoking = invoking(event);
        ((ObjectNode) invoking.path("configurationItem")).put("resourceId", "f".repeat(HUGE));
        event.setInvokingEvent(invoking.toString());

        HostileRunner.Outcome outcome = runner.run(event);

        check("coded", outcome, "5 MB resource id");
    }

    @Test
    void deepInvokingEvent_rejected() {
        ConfigEvent event = Fixtures.event("change-noncompliant");
        event.setInvokingEvent("{\"messageType\":\"ConfigurationItemChangeNotification\",\"configurationItem\":"
                + nested(DEEP) + "}");

        HostileRunner.Outcome outcome = runner.run(event);

        check("error:invalid_event", outcome, "10,000 levels in invokingEvent");
    }

    @Test
    void deepRuleParameters_rejected() {
        ConfigEvent event = Fixtures.event("change-noncompliant");
        event.setRuleParameters("{\"policies\":" + nested(DEEP) + "}");

        HostileRunner.Outcome outcome = runner.run(event);

        check("error:invalid_event", outcome, "10,000 levels in ruleParameters");
    }

    @Test
    void deepEmbeddedPolicyDocument_decidedOrRejected() {
        ConfigEvent event = Fixtures.event("change-noncompliant");
        ObjectNode invoking = invoking(event);
        ((ObjectNode) invoking.path("configurationItem").path("supplementaryConfiguration"))
                .put("Policy", "{\"Statement\":" + nested(DEEP) + "}");
        event.setInvokingEvent(invoking.toString());

        HostileRunner.Outcome outcome = runner.run(event);

        check("coded", outcome, "10,000 levels in the embedded policy document");
    }

    @Test
    void nestingJustUnderLimit_decided() {
        ConfigEvent event = Fixtures.event("change-noncompliant");
        ObjectNode invoking = invoking(event);
        String text = invoking.toString().replace("\"tags\":{", "\"tags\":{\"deep\":" + nested(990) + ",");
        event.setInvokingEvent(text);

        HostileRunner.Outcome outcome = runner.run(event);

        check("coded", outcome, "990 levels in tags");
    }

    private static void check(String expect, HostileRunner.Outcome outcome, String caseName) {
        if (expect.startsWith("error:")) {
            assertNotNull(outcome.failure(), caseName + ": expected a coded failure, got " + outcome.describe());
            assertEquals(expect.substring("error:".length()), outcome.failure().code(), caseName + ": "
                    + outcome.describe());
        } else if (expect.startsWith("decision:")) {
            assertNotNull(outcome.result(), caseName + ": expected a decision, got " + outcome.describe());
            List<ResourceDecision> decisions = outcome.result().decisions();
            assertEquals(1, decisions.size(), caseName);
            assertEquals(expect.substring("decision:".length()), decisions.get(0).compliance().name(), caseName);
        } else {
            assertEquals("coded", expect, caseName + ": unknown expectation");
            assertTrue(outcome.result() != null || outcome.failure() != null, caseName);
        }
    }

    private static ObjectNode invoking(ConfigEvent event) {
        try {
            return (ObjectNode) JSON.readTree(event.getInvokingEvent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code depth} nested arrays around one object, as JSON text. */
    static String nested(int depth) {
        return "[".repeat(depth) + "{\"x\":1}" + "]".repeat(depth);
    }
}
