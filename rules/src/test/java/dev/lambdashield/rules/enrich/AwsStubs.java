package dev.lambdashield.rules.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Stubs the Lambda (REST-JSON) and IAM (Query, XML) responses enrichment reads, on a local WireMock server,
 * from a fixture's {@code .aws.json}: {@code {"lambda": {"GetFunctionUrlConfig": {...}, ...},
 * "iam": {"attached": [{PolicyName, PolicyArn, Document}], "inline": [{PolicyName, Document}]}}}. A Lambda
 * operation missing from the fixture returns 404 ResourceNotFoundException, as Lambda does.
 */
public final class AwsStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsStubs() {
    }

    public static void stub(WireMockServer server, String functionName, String roleName, JsonNode aws) throws Exception {
        JsonNode lambda = aws.path("lambda");
        lambdaGet(server, "/2021-10-31/functions/" + functionName + "/url", lambda.get("GetFunctionUrlConfig"));
        lambdaGet(server, "/2020-06-30/functions/" + functionName + "/code-signing-config",
                lambda.get("GetFunctionCodeSigningConfig"));
        JsonNode config = lambda.get("GetCodeSigningConfig");
        if (config != null) {
            // The ARN travels percent-encoded in the path; any configuration ARN gets this fixture's response.
            server.stubFor(get(urlPathMatching("/2020-04-22/code-signing-configs/.+"))
                    .willReturn(json(200, JSON.writeValueAsString(config))));
        }
        iam(server, roleName, aws.path("iam"));
    }

    private static void lambdaGet(WireMockServer server, String path, JsonNode body) throws Exception {
        if (body == null) {
            server.stubFor(get(urlEqualTo(path)).willReturn(json(404,
                    "{\"Type\":\"User\",\"Message\":\"The resource you requested does not exist.\"}")
                    .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")));
            return;
        }
        server.stubFor(get(urlEqualTo(path)).willReturn(json(200, JSON.writeValueAsString(body))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void iam(WireMockServer server, String roleName, JsonNode iam) throws Exception {
        StringBuilder attachedMembers = new StringBuilder();
        for (JsonNode policy : iam.path("attached")) {
            String arn = policy.path("PolicyArn").asText();
            String name = policy.path("PolicyName").asText();
            attachedMembers.append("<member><PolicyName>").append(name).append("</PolicyName><PolicyArn>").append(arn)
                    .append("</PolicyArn></member>");
            iamAction(server, "GetPolicy", "PolicyArn=" + form(arn),
                    "<Policy><PolicyName>" + name + "</PolicyName><Arn>" + arn + "</Arn><DefaultVersionId>v3"
                            + "</DefaultVersionId></Policy>");
            iamAction(server, "GetPolicyVersion", "PolicyArn=" + form(arn),
                    "<PolicyVersion><Document>" + encodeDocument(policy.path("Document")) + "</Document>"
                            + "<VersionId>v3</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>");
        }
        iamAction(server, "ListAttachedRolePolicies", "RoleName=" + form(roleName),
                "<AttachedPolicies>" + attachedMembers + "</AttachedPolicies><IsTruncated>false</IsTruncated>");

        StringBuilder inlineNames = new StringBuilder();
        for (JsonNode policy : iam.path("inline")) {
            String name = policy.path("PolicyName").asText();
            inlineNames.append("<member>").append(name).append("</member>");
            iamAction(server, "GetRolePolicy", "PolicyName=" + form(name),
                    "<RoleName>" + roleName + "</RoleName><PolicyName>" + name + "</PolicyName><PolicyDocument>"
                            + encodeDocument(policy.path("Document")) + "</PolicyDocument>");
        }
        iamAction(server, "ListRolePolicies", "RoleName=" + form(roleName),
                "<PolicyNames>" + inlineNames + "</PolicyNames><IsTruncated>false</IsTruncated>");
    }

    private static void iamAction(WireMockServer server, String action, String match, String result) {
        String body = "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action
                + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>"
                + "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></" + action + "Response>";
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing(match))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    // IAM returns documents URL-encoded (RFC 3986) inside the XML.
    private static String encodeDocument(JsonNode document) throws Exception {
        return URLEncoder.encode(JSON.writeValueAsString(document), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
