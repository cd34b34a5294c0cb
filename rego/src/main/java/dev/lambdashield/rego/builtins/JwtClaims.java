package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code io.jwt.decode_verify}: checks the signature with the {@code cert} or {@code secret} constraint,
 * then {@code alg}, {@code iss}, {@code aud}, {@code exp} and {@code nbf} at {@code time} (nanoseconds;
 * the query's time when absent). A token that fails a check gives {@code [false, {}, {}]}.
 */
final class JwtClaims {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final List<String> CONSTRAINTS = List.of("cert", "secret", "alg", "iss", "aud", "time");

    private JwtClaims() {
    }

    static Value decodeVerify(BuiltinContext context, List<Value> args) {
        String encoded = Args.string(args, 0);
        ObjectValue constraints = Args.object(args, 1);
        for (Map.Entry<Value, Value> entry : constraints.entries().entrySet()) {
            if (!(entry.getKey() instanceof StringValue key) || !CONSTRAINTS.contains(key.value())) {
                throw BuiltinException.failure("unknown token validation constraint: " + entry.getKey());
            }
        }
        Value time = constraints.get("time");
        BigDecimal nowNs;
        if (time == null) {
            nowNs = BigDecimal.valueOf(context.timeNowNs());
        } else if (time instanceof NumberValue n) {
            nowNs = n.bigDecimal();
        } else {
            throw BuiltinException.failure("time constraint must be a number but got " + time.typeName());
        }
        JwtToken token = JwtToken.parse(encoded);
        while (true) {
            if (!signatureValid(token, constraints)) {
                return invalid();
            }
            if (!token.nested()) {
                break;
            }
            token = JwtToken.parse(token.nestedToken());
        }
        if (!(token.payloadValue() instanceof ObjectValue claims)) {
            return invalid();
        }
        if (!claimsValid(claims, constraints, nowNs)) {
            return invalid();
        }
        return ArrayValue.of(BooleanValue.TRUE, token.header(), claims);
    }

    private static Value invalid() {
        return ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
    }

    private static boolean signatureValid(JwtToken token, ObjectValue constraints) {
        if (!(token.header().get("alg") instanceof StringValue alg) || token.header().get("crit") != null) {
            return false;
        }
        if (constraints.get("alg") instanceof StringValue expected && !expected.value().equals(alg.value())) {
            return false;
        }
        JwsAlgorithm algorithm = JwsAlgorithm.of(alg.value());
        if (algorithm == null) {
            return false;
        }
        Value cert = constraints.get("cert");
        Value secret = constraints.get("secret");
        if (cert != null && secret != null) {
            throw BuiltinException.failure("both 'cert' and 'secret' constraints are given; give only one");
        }
        if (algorithm.isHmac()) {
            return secret instanceof StringValue s
                    && algorithm.verifyHmac(s.value().getBytes(StandardCharsets.UTF_8), token.signingInput(), token.signature());
        }
        if (!(cert instanceof StringValue certText)) {
            return false;
        }
        for (JwkKeys.Jwk key : JwkKeys.verificationKeys(certText.value())) {
            if (key.publicKey() != null && key.type().equals(algorithm.keyType())
                    && algorithm.verify(key.publicKey(), token.signingInput(), token.signature())) {
                return true;
            }
        }
        return false;
    }

    private static boolean claimsValid(ObjectValue claims, ObjectValue constraints, BigDecimal nowNs) {
        Value exp = claims.get("exp");
        if (exp != null) {
            if (!(exp instanceof NumberValue expiry)) {
                throw BuiltinException.failure("exp value must be a number");
            }
            if (nowNs.compareTo(expiry.bigDecimal().multiply(NANOS_PER_SECOND)) >= 0) {
                return false;
            }
        }
        Value nbf = claims.get("nbf");
        if (nbf != null) {
            if (!(nbf instanceof NumberValue notBefore)) {
                throw BuiltinException.failure("nbf value must be a number");
            }
            if (nowNs.compareTo(notBefore.bigDecimal().multiply(NANOS_PER_SECOND)) < 0) {
                return false;
            }
        }
        Value iss = constraints.get("iss");
        if (iss != null && !iss.equals(claims.get("iss"))) {
            return false;
        }
        return audienceValid(claims.get("aud"), constraints.get("aud"));
    }

    /** Checks the audience: a token audience needs a matching {@code aud} constraint, and an {@code aud} constraint needs a token audience. */
    private static boolean audienceValid(Value tokenAudience, Value expected) {
        if (expected == null) {
            return tokenAudience == null;
        }
        if (tokenAudience instanceof StringValue) {
            return tokenAudience.equals(expected);
        }
        return tokenAudience instanceof ArrayValue audiences && audiences.elements().contains(expected);
    }
}
