package dev.lambdashield.rules.report.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.redact.Redactor;
import software.amazon.awssdk.services.securityhub.model.AwsLambdaFunctionDeadLetterConfig;
import software.amazon.awssdk.services.securityhub.model.AwsLambdaFunctionDetails;
import software.amazon.awssdk.services.securityhub.model.AwsLambdaFunctionLayer;
import software.amazon.awssdk.services.securityhub.model.AwsLambdaFunctionTracingConfig;
import software.amazon.awssdk.services.securityhub.model.AwsLambdaFunctionVpcConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Maps a function's configuration (as AWS Config records it) to {@code Details.AwsLambdaFunction}.
 *
 * <p>Only fields that are safe to share with everyone who can read findings are copied: names, runtime, sizes,
 * ARNs, network and tracing settings. The environment (its variables can hold secrets) and the code location are
 * never copied. Every string still passes the redactor.
 */
final class LambdaFunctionDetails {

    private LambdaFunctionDetails() {
    }

    static AwsLambdaFunctionDetails from(JsonNode configuration, Redactor redactor) {
        AwsLambdaFunctionDetails.Builder details = AwsLambdaFunctionDetails.builder();
        text(configuration, "functionName", redactor, details::functionName);
        text(configuration, "handler", redactor, details::handler);
        text(configuration, "runtime", redactor, details::runtime);
        text(configuration, "role", redactor, details::role);
        text(configuration, "version", redactor, details::version);
        text(configuration, "lastModified", redactor, details::lastModified);
        text(configuration, "codeSha256", redactor, details::codeSha256);
        text(configuration, "revisionId", redactor, details::revisionId);
        text(configuration, "masterArn", redactor, details::masterArn);
        text(configuration, "packageType", redactor, details::packageType);
        // Config records the key as "kmskeyArn" (lower-case k); the Lambda API spells it "kmsKeyArn".
        text(configuration, configuration.has("kmskeyArn") ? "kmskeyArn" : "kmsKeyArn", redactor, details::kmsKeyArn);
        integer(configuration, "memorySize", details::memorySize);
        integer(configuration, "timeout", details::timeout);
        List<String> architectures = strings(configuration.path("architectures"), redactor);
        if (!architectures.isEmpty()) {
            details.architectures(architectures);
        }
        tracing(configuration, redactor, details);
        vpc(configuration.path("vpcConfig"), redactor, details);
        layers(configuration.path("layers"), redactor, details);
        JsonNode deadLetterTarget = configuration.path("deadLetterConfig").path("targetArn");
        if (deadLetterTarget.isTextual()) {
            details.deadLetterConfig(AwsLambdaFunctionDeadLetterConfig.builder()
                    .targetArn(redactor.redact(deadLetterTarget.textValue())).build());
        }
        return details.build();
    }

    private static void tracing(JsonNode configuration, Redactor redactor, AwsLambdaFunctionDetails.Builder details) {
        JsonNode mode = configuration.path("tracingConfig").path("mode");
        if (mode.isTextual()) {
            details.tracingConfig(AwsLambdaFunctionTracingConfig.builder().mode(redactor.redact(mode.textValue()))
                    .build());
        }
    }

    private static void vpc(JsonNode vpcConfig, Redactor redactor, AwsLambdaFunctionDetails.Builder details) {
        List<String> subnets = strings(vpcConfig.path("subnetIds"), redactor);
        List<String> groups = strings(vpcConfig.path("securityGroupIds"), redactor);
        JsonNode vpcId = vpcConfig.path("vpcId");
        if (subnets.isEmpty() && groups.isEmpty() && !vpcId.isTextual()) {
            return;
        }
        AwsLambdaFunctionVpcConfig.Builder vpc = AwsLambdaFunctionVpcConfig.builder()
                .subnetIds(subnets).securityGroupIds(groups);
        if (vpcId.isTextual() && !vpcId.textValue().isEmpty()) {
            vpc.vpcId(redactor.redact(vpcId.textValue()));
        }
        details.vpcConfig(vpc.build());
    }

    private static void layers(JsonNode layers, Redactor redactor, AwsLambdaFunctionDetails.Builder details) {
        List<AwsLambdaFunctionLayer> result = new ArrayList<>();
        for (JsonNode layer : layers) {
            AwsLambdaFunctionLayer.Builder builder = AwsLambdaFunctionLayer.builder();
            text(layer, "arn", redactor, builder::arn);
            integer(layer, "codeSize", builder::codeSize);
            result.add(builder.build());
        }
        if (!result.isEmpty()) {
            details.layers(result);
        }
    }

    private static void text(JsonNode node, String field, Redactor redactor, Consumer<String> setter) {
        JsonNode value = node.path(field);
        if (value.isTextual() && !value.textValue().isEmpty()) {
            setter.accept(redactor.redact(value.textValue()));
        }
    }

    private static void integer(JsonNode node, String field, Consumer<Integer> setter) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            setter.accept(value.intValue());
        }
    }

    private static List<String> strings(JsonNode array, Redactor redactor) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isTextual()) {
                values.add(redactor.redact(element.textValue()));
            }
        }
        return values;
    }
}
