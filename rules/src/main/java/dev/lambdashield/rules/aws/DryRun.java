package dev.lambdashield.rules.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdashield.rules.redact.Redactor;
import software.amazon.awssdk.core.SdkPojo;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The gate every AWS write passes. When enabled, {@link #write} prints the request as one JSON line
 * {@code {"service":..., "operation":..., "request":{...}}} and returns the response the caller builds for
 * "nothing failed"; otherwise it sends the request. Instances are made per run (never a global switch), so the
 * CLI's {@code --dry-run} and the Lambda's environment setting use the same code.
 */
public final class DryRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DryRun OFF = new DryRun(null);

    private final PrintStream out;

    private DryRun(PrintStream out) {
        this.out = out;
    }

    /** Writes are sent. */
    public static DryRun off() {
        return OFF;
    }

    /** Writes are printed to {@code out} and not sent. */
    public static DryRun printingTo(PrintStream out) {
        return new DryRun(Objects.requireNonNull(out, "out"));
    }

    public boolean enabled() {
        return out != null;
    }

    /**
     * Sends a write, or in dry-run prints it and returns {@code dryResponse}.
     *
     * @param send        performs the real call (normally through {@link Retry})
     * @param dryResponse the response standing in for a fully successful call
     */
    public <T> T write(String service, String operation, SdkPojo request, Supplier<T> send, Supplier<T> dryResponse) {
        if (!enabled()) {
            return send.get();
        }
        print(service, operation, SdkJson.toJson(request));
        return dryResponse.get();
    }

    /** Prints one request line; for writes that are not SDK objects. */
    public void print(String service, String operation, ObjectNode request) {
        ObjectNode line = JSON.createObjectNode();
        line.put("service", service);
        line.put("operation", operation);
        // Printed requests carry annotations and finding texts, so they pass the same redaction as logs.
        line.set("request", Redactor.shared().redact(request));
        try {
            String text = JSON.writeValueAsString(line);
            synchronized (out) {
                out.println(text);
                out.flush();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not print dry-run request for " + service + " " + operation, e);
        }
    }
}
