package dev.lambdashield.rules.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLoggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream original = JsonLogOutput.stream();

    @AfterEach
    void restore() {
        JsonLogOutput.redirect(original);
        JsonLogOutput.threshold(Level.INFO);
        MDC.clear();
    }

    private static String capture(Runnable logging) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLogOutput.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        logging.run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keyValues_andMdc_becomeFields() throws Exception {
        Logger log = LoggerFactory.getLogger("dev.lambdashield.rules.test");

        String out = capture(() -> {
            MDC.put(LogKey.FUNCTION_REQUEST_ID.key(), "req-9");
            log.atWarn().addKeyValue(LogKey.RESOURCE_ID.key(), "fn-1").addKeyValue(LogKey.ATTEMPT.key(), 3)
                    .log("retrying {}", "call");
        });

        JsonNode line = JSON.readTree(out);
        assertEquals("WARN", line.get("level").asText());
        assertEquals("retrying call", line.get("message").asText());
        assertEquals("req-9", line.get("function_request_id").asText());
        assertEquals("fn-1", line.get("resource_id").asText());
        assertEquals(3, line.get("attempt").asInt());
        assertEquals("dev.lambdashield.rules.test", line.get("logger").asText());
    }

    @Test
    void debug_hiddenAtInfo_shownAtDebug() {
        Logger log = LoggerFactory.getLogger("dev.lambdashield.rules.test");

        assertEquals("", capture(() -> log.debug("hidden")));
        JsonLogOutput.threshold(Level.DEBUG);
        assertTrue(capture(() -> log.debug("shown")).contains("\"shown\""));
    }

    @Test
    void libraryInfo_suppressed() {
        Logger sdk = LoggerFactory.getLogger("software.amazon.awssdk.request");

        assertEquals("", capture(() -> sdk.info("chatter")));
        assertTrue(capture(() -> sdk.warn("problem")).contains("problem"));
    }

    @Test
    void oneLinePerEvent_evenWithStackTrace() {
        Logger log = LoggerFactory.getLogger("dev.lambdashield.rules.test");

        String out = capture(() -> log.error("failed", new IllegalStateException("boom")));

        assertEquals(1, out.strip().split("\n").length);
        assertTrue(out.contains("\"error_type\":\"java.lang.IllegalStateException\""), out);
    }
}
