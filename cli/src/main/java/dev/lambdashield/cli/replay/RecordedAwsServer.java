package dev.lambdashield.cli.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the AWS Config API that replays recorded responses: a request for operation {@code Op}
 * gets the file {@code Op.json} of a folder (a fixture's {@code <case>.aws/} folder). It listens on
 * 127.0.0.1 only, on a free port, so fixtures that need Config reads (an oversized notification, a periodic
 * run) can run through the real SDK client without any network.
 *
 * <p>Config uses the AWS JSON 1.1 protocol: every call is a POST whose {@code X-Amz-Target} header is
 * {@code StarlingDoveService.<Operation>}. An operation without a recorded file gets a 400
 * {@code ValidationException} that names the missing file.
 */
public final class RecordedAwsServer implements AutoCloseable {

    private static final String TARGET_PREFIX = "StarlingDoveService.";

    private final Path folder;
    private final HttpServer server;
    private final List<String> operations = new CopyOnWriteArrayList<>();

    private RecordedAwsServer(Path folder, HttpServer server) {
        this.folder = folder;
        this.server = server;
    }

    /** Starts a server replaying the files of {@code folder}. */
    public static RecordedAwsServer start(Path folder) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RecordedAwsServer replay = new RecordedAwsServer(folder, http);
        http.createContext("/", replay::handle);
        http.start();
        return replay;
    }

    /** Returns the folder of recorded responses that belongs to an event file: {@code <case>.aws/} beside {@code <case>.json}. */
    public static Path recordingsFor(Path eventFile) {
        String name = eventFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return eventFile.resolveSibling(base + ".aws");
    }

    /** Returns the endpoint to give SDK clients, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns the operations requested so far, in order. */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX)
                    ? target.substring(TARGET_PREFIX.length()) : null;
            if (operation == null || !operation.matches("[A-Za-z]+")) {
                respond(exchange, 400, error("UnknownOperationException",
                        "expected an AWS Config request with X-Amz-Target " + TARGET_PREFIX + "<Operation>"));
                return;
            }
            operations.add(operation);
            Path recorded = folder.resolve(operation + ".json");
            if (!Files.isRegularFile(recorded)) {
                respond(exchange, 400, error("ValidationException", "no recorded response " + recorded));
                return;
            }
            respond(exchange, 200, Files.readString(recorded, StandardCharsets.UTF_8));
        }
    }

    private static String error(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
