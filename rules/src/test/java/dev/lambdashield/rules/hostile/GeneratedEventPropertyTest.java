package dev.lambdashield.rules.hostile;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.testutils.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated hostile events: a field anywhere in a real configuration item replaced by a value of another type
 * (unicode strings with lone surrogates and control characters, numbers far beyond a double, arrays
 * nested up to 990 levels), and
 * arbitrary text as the invoking event. Every run must end in a decision or a coded failure. The number of tries
 * and each run's deadline bound the time; jqwik does not apply JUnit's timeouts.
 */
class GeneratedEventPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Deepest generated array: with the path above it, the event stays within Jackson's default limit of 1,000
     * levels for writing, which the test needs to build the event text. Deeper input is covered by
     * {@link HostileEventTest}.
     */
    private static final int MAX_GENERATED_DEPTH = 990;
    /** Paths into the change notification's invoking event that a generated value replaces. */
    private static final List<String> PATHS = List.of("messageType", "notificationCreationTime",
            "configurationItem", "configurationItem.resourceType", "configurationItem.resourceId",
            "configurationItem.resourceName", "configurationItem.ARN", "configurationItem.configurationItemStatus",
            "configurationItem.configurationItemCaptureTime", "configurationItem.awsAccountId",
            "configurationItem.configuration", "configurationItem.configuration.functionName",
            "configurationItem.configuration.runtime", "configurationItem.configuration.timeout",
            "configurationItem.configuration.memorySize", "configurationItem.configuration.tracingConfig",
            "configurationItem.configuration.tracingConfig.mode", "configurationItem.configuration.layers",
            "configurationItem.configuration.vpcConfig", "configurationItem.configuration.environment",
            "configurationItem.configuration.environment.variables", "configurationItem.supplementaryConfiguration",
            "configurationItem.supplementaryConfiguration.Policy", "configurationItem.tags",
            "configurationItem.relationships");

    private static HostileRunner runner;

    @BeforeContainer
    static void start() {
        runner = new HostileRunner();
    }

    @AfterContainer
    static void stop() {
        runner.close();
    }

    @Property(tries = 60)
    void replacedField_decidedOrCodedError(@ForAll("paths") String path, @ForAll("values") JsonNode value)
            throws IOException {
        ConfigEvent event = Fixtures.event("change-noncompliant");
        ObjectNode invoking = (ObjectNode) JSON.readTree(event.getInvokingEvent());
        replace(invoking, path, value);
        event.setInvokingEvent(invoking.toString());

        HostileRunner.Outcome outcome = runner.run(event);

        assertTrue(outcome.result() != null || outcome.failure() != null, path);
    }

    @Property(tries = 60)
    void arbitraryInvokingEvent_decidedOrCodedError(@ForAll("invokingTexts") String text) {
        ConfigEvent event = Fixtures.event("change-noncompliant");
        event.setInvokingEvent(text);

        HostileRunner.Outcome outcome = runner.run(event);

        assertTrue(outcome.result() != null || outcome.failure() != null, text);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> strings = Arbitraries.strings().all().ofMaxLength(200).map(NODES::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.bigDecimals()
                .between(new BigDecimal("-1e400"), new BigDecimal("1e400")).ofScale(3).map(NODES::numberNode);
        Arbitrary<JsonNode> integers = Arbitraries.longs().map(NODES::numberNode);
        Arbitrary<JsonNode> booleans = Arbitraries.of(true, false).map(NODES::booleanNode);
        Arbitrary<JsonNode> nulls = Arbitraries.just(NODES.nullNode());
        Arbitrary<JsonNode> deepArrays = Arbitraries.integers().between(1, MAX_GENERATED_DEPTH)
                .map(GeneratedEventPropertyTest::deep);
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.strings().all().ofMaxLength(20), strings)
                .as((key, v) -> {
                    ObjectNode node = NODES.objectNode();
                    node.set(key, v);
                    return node;
                });
        return Arbitraries.oneOf(strings, numbers, integers, booleans, nulls, deepArrays, objects);
    }

    @Provide
    Arbitrary<String> invokingTexts() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ntrufals\\u")
                .ofMaxLength(300);
        Arbitrary<String> cut = Arbitraries.integers().between(0, 2000).map(n -> {
            String full = Fixtures.event("change-noncompliant").getInvokingEvent();
            return full.substring(0, Math.min(n, full.length()));
        });
        return Arbitraries.oneOf(any, jsonish, cut);
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    /** Sets the value at a dotted path; leaves the event unchanged when a parent on the path is not an object. */
    private static void replace(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                return;
            }
            parent = (ObjectNode) child;
        }
        parent.set(parts[parts.length - 1], value);
    }
}
