package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static dev.lambdashield.rego.builtins.BuiltinDecl.arg;
import static dev.lambdashield.rego.builtins.BuiltinDecl.function;
import static dev.lambdashield.rego.types.Types.ANY;
import static dev.lambdashield.rego.types.Types.NUMBER;
import static dev.lambdashield.rego.types.Types.STRING;
import static dev.lambdashield.rego.types.Types.objectOf;

/** Built-ins about the running engine ({@code opa.runtime}) and local request signing for AWS. */
public final class RuntimeBuiltins implements BuiltinFamily {

    private static final List<String> REQUEST_KEYS = List.of("method", "url");
    private static final List<String> CONFIG_KEYS = List.of("aws_access_key", "aws_region", "aws_secret_access_key", "aws_service");

    @Override
    public void registerInto(BuiltinRegistry registry) {
        registry.register(function("opa.runtime", "opa", "Returns an object that describes the runtime environment where the engine runs.",
                objectOf(STRING, ANY)).nondeterministic(), RuntimeBuiltins::runtime);
        registry.register(function("providers.aws.sign_req", "providers.aws",
                "Signs an HTTP request object for Amazon Web Services with AWS Signature Version 4, without sending it.",
                objectOf(ANY, ANY), arg("request", objectOf(STRING, ANY)), arg("aws_config", objectOf(STRING, ANY)),
                arg("time_ns", NUMBER)), RuntimeBuiltins::signRequest);
    }

    private static Value runtime(BuiltinContext context, List<Value> args) {
        return fromJava(context.runtimeInfo());
    }

    private static Value fromJava(Object object) {
        if (object == null) {
            return NullValue.INSTANCE;
        }
        if (object instanceof Value value) {
            return value;
        }
        if (object instanceof Boolean b) {
            return BooleanValue.of(b);
        }
        if (object instanceof BigDecimal d) {
            return NumberValue.of(d);
        }
        if (object instanceof BigInteger i) {
            return NumberValue.of(i);
        }
        if (object instanceof Double || object instanceof Float) {
            return NumberValue.of(((Number) object).doubleValue());
        }
        if (object instanceof Number n) {
            return NumberValue.of(n.longValue());
        }
        if (object instanceof Map<?, ?> map) {
            ObjectValue.Builder out = ObjectValue.builder();
            map.forEach((key, value) -> out.put(StringValue.of(String.valueOf(key)), fromJava(value)));
            return out.build();
        }
        if (object instanceof Collection<?> collection) {
            List<Value> elements = new ArrayList<>();
            collection.forEach(element -> elements.add(fromJava(element)));
            return ArrayValue.of(elements);
        }
        return StringValue.of(object.toString());
    }

    private static Value signRequest(BuiltinContext context, List<Value> args) {
        ObjectValue request = Args.object(args, 0);
        ObjectValue config = Args.object(args, 1);
        checkKeys(request, REQUEST_KEYS, 1, "request parameters(s)");
        checkKeys(config, CONFIG_KEYS, 2, "AWS config parameters(s)");
        NumberValue time = Args.number(args, 2);
        if (!time.isInteger() || time.bigDecimal().signum() < 0 || time.bigInteger().orElseThrow().bitLength() > 63) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE, "operand 3 could not convert time_ns value into a unix timestamp", false);
        }
        long ns = time.bigInteger().orElseThrow().longValue();
        Instant instant = Instant.ofEpochSecond(ns / 1_000_000_000L, ns % 1_000_000_000L);
        AwsSigV4.Config credentials = new AwsSigV4.Config(
                text(config, "aws_access_key"), text(config, "aws_secret_access_key"),
                config.get("aws_session_token") instanceof StringValue token ? token.value() : null,
                text(config, "aws_service"), text(config, "aws_region"),
                config.get("disable_payload_signing") instanceof BooleanValue b && b.value());
        return AwsSigV4.sign(request, credentials, instant);
    }

    /** Raises OPA's {@code eval_type_error} naming every missing key, or else every key whose value is not a string. */
    private static void checkKeys(ObjectValue object, List<String> required, int operand, String description) {
        SetValue.Builder missing = SetValue.builder();
        SetValue.Builder invalid = SetValue.builder();
        for (String key : required) {
            Value value = object.get(key);
            if (value == null) {
                missing.add(StringValue.of(key));
            } else if (!(value instanceof StringValue)) {
                invalid.add(StringValue.of(key));
            }
        }
        SetValue missingKeys = missing.build();
        if (missingKeys.size() > 0) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE, "operand " + operand + " missing required " + description + ": " + missingKeys, false);
        }
        SetValue invalidKeys = invalid.build();
        if (invalidKeys.size() > 0) {
            throw new BuiltinException(ErrorCode.EVAL_TYPE, "operand " + operand + " invalid values for required " + description + ": " + invalidKeys, false);
        }
    }

    private static String text(ObjectValue object, String key) {
        return ((StringValue) object.get(key)).value();
    }
}
