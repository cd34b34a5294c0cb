package dev.lambdashield.rules.testutils;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.AwsEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on 127.0.0.1 standing in for AWS Config's JSON 1.1 API, plus SDK clients pointed at it with
 * static credentials. The {@code X-Amz-Target} header names the operation.
 */
public final class ConfigServer implements AutoCloseable {

    public static final String TARGET_PREFIX = "StarlingDoveService.";
    public static final String JSON_11 = "application/x-amz-json-1.1";

    private final WireMockServer server;
    private final AwsClients clients;

    public ConfigServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
        clients = new AwsClients(endpoint());
    }

    public AwsEndpoint endpoint() {
        return new AwsEndpoint(Region.US_EAST_1, URI.create("http://127.0.0.1:" + server.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real")));
    }

    public AwsClients clients() {
        return clients;
    }

    public WireMockServer server() {
        return server;
    }

    /** A mapping for one operation. */
    public static MappingBuilder operation(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation));
    }

    /** A 200 response with a JSON body. */
    public static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(json);
    }

    /** An error response in the JSON 1.1 form, e.g. (400, "ThrottlingException"). */
    public static ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + type + " from the test server\"}");
    }

    public void stub(String operation, ResponseDefinitionBuilder response) {
        server.stubFor(operation(operation).willReturn(response));
    }

    /** Requests received for one operation, in order. */
    public List<LoggedRequest> requests(String operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation)));
    }

    /** Forgets stubs, scenarios and recorded requests, so one server can serve a whole test class. */
    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        clients.close();
        server.stop();
    }
}
