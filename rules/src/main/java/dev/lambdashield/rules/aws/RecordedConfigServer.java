package dev.lambdashield.rules.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A local stand-in for AWS Config that returns a recorded JSON 1.1 response body for each operation, read
 * from {@code <directory>/<Operation>.json} (the {@code <case>.aws/} folders beside the fixture events). It
 * listens on 127.0.0.1 only, so the CLI can run the real handler and SDK client on an oversized or periodic
 * fixture without AWS. An operation without a recording gets a {@code ValidationException} naming the file.
 */
public final class RecordedConfigServer implements AutoCloseable {

    private static final String TARGET_PREFIX = "StarlingDoveService.";
    private static final String JSON_11 = "application/x-amz-json-1.1";

    private final Path directory;
    private final HttpServer server;
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());

    private RecordedConfigServer(Path directory) throws IOException {
        this.directory = directory;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1 that serves the responses in {@code directory}. */
    public static RecordedConfigServer start(Path directory) throws IOException {
        return new RecordedConfigServer(directory);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Placeholder credentials: requests are signed, but no AWS account is involved. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALREPLAY", "local-replay"));
    }

    /** Returns the operations requested so far, in order. */
    public List<String> operations() {
        synchronized (operations) {
            return List.copyOf(operations);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        operations.add(operation);
        exchange.getRequestBody().readAllBytes();
        boolean named = operation.matches("[A-Za-z]+");
        Path recorded = directory.resolve((named ? operation : "unknown") + ".json");
        boolean found = named && Files.isRegularFile(recorded);
        byte[] body = found ? Files.readAllBytes(recorded)
                : ("{\"__type\":\"ValidationException\",\"message\":\"no recorded response "
                        + recorded.getFileName() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON_11);
        exchange.sendResponseHeaders(found ? 200 : 400, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
