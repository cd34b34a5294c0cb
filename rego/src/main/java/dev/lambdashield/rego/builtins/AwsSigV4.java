package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 for {@code providers.aws.sign_req}, computed locally: it adds the
 * {@code Authorization}, {@code host}, {@code x-amz-date} and {@code x-amz-content-sha256} headers (and
 * {@code x-amz-security-token} with a session token) and never sends the request.
 */
final class AwsSigV4 {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** The credentials and scope from the {@code aws_config} operand. */
    record Config(String accessKey, String secretKey, String sessionToken, String service, String region, boolean unsignedPayload) {
    }

    private AwsSigV4() {
    }

    static ObjectValue sign(ObjectValue request, Config config, Instant time) {
        // OPA signs the method and path exactly as given ("get", an empty path), so signatures match OPA's.
        String method = ((StringValue) request.get("method")).value();
        URI url = uri(((StringValue) request.get("url")).value());
        String payloadHash = config.unsignedPayload() ? UNSIGNED_PAYLOAD : sha256Hex(payload(request));
        String amzDate = AMZ_DATE.format(time);
        String date = amzDate.substring(0, 8);

        TreeMap<String, String> headers = new TreeMap<>();
        ObjectValue.Builder outHeaders = ObjectValue.builder();
        if (request.get("headers") instanceof ObjectValue given) {
            for (Map.Entry<Value, Value> header : given.entries().entrySet()) {
                outHeaders.put(header.getKey(), header.getValue());
                if (header.getKey() instanceof StringValue name && header.getValue() instanceof StringValue value) {
                    headers.put(name.value().toLowerCase(Locale.ROOT), value.value().strip());
                }
            }
        }
        headers.put("host", url.getRawAuthority() == null ? "" : url.getRawAuthority());
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("x-amz-date", amzDate);
        if (config.sessionToken() != null) {
            headers.put("x-amz-security-token", config.sessionToken());
        }
        headers.remove("authorization");

        String signedHeaders = String.join(";", headers.keySet());
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String canonicalRequest = method + "\n" + canonicalPath(url) + "\n" + canonicalQuery(url) + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;

        String scope = date + "/" + config.region() + "/" + config.service() + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + config.secretKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, config.region());
        key = hmac(key, config.service());
        key = hmac(key, "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));

        outHeaders.put("Authorization", StringValue.of("AWS4-HMAC-SHA256 Credential=" + config.accessKey() + "/" + scope
                + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature));
        outHeaders.put("host", StringValue.of(headers.get("host")));
        outHeaders.put("x-amz-content-sha256", StringValue.of(payloadHash));
        outHeaders.put("x-amz-date", StringValue.of(amzDate));
        if (config.sessionToken() != null) {
            outHeaders.put("x-amz-security-token", StringValue.of(config.sessionToken()));
        }
        ObjectValue.Builder out = ObjectValue.builder();
        request.entries().forEach(out::put);
        out.put("headers", outHeaders.build());
        return out.build();
    }

    /** Returns the signed payload: {@code raw_body} as given, else {@code body} as compact JSON, else nothing. */
    private static byte[] payload(ObjectValue request) {
        if (request.get("raw_body") instanceof StringValue raw) {
            return raw.value().getBytes(StandardCharsets.UTF_8);
        }
        Value body = request.get("body");
        return body == null ? new byte[0] : GoJson.marshal(body).getBytes(StandardCharsets.UTF_8);
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw BuiltinException.failure("invalid request url: " + e.getMessage());
        }
    }

    private static String canonicalPath(URI url) {
        String path = url.getRawPath();
        return path == null ? "" : path;
    }

    private static String canonicalQuery(URI url) {
        String query = url.getRawQuery();
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = UrlQuery.unescape(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : UrlQuery.unescape(pair.substring(equals + 1));
            pairs.add(encode(name) + "=" + encode(value));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** Percent-encodes as SigV4 requires: everything except unreserved characters, with a space as %20. */
    private static String encode(String text) {
        return UrlQuery.escape(text).replace("+", "%20");
    }

    private static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        return CryptoBuiltins.mac("HmacSHA256", key, message.getBytes(StandardCharsets.UTF_8));
    }
}
