package dev.lambdashield.rules.evaluate;

import java.util.Map;

/**
 * A policy's remediation from {@code custom.remediation}.
 *
 * @param mode       how the remediation is started
 * @param document   the SSM Automation document name, or {@code null} for text-only remediation
 * @param parameters document parameter name to a dot-separated path into {@code input.resource}, or a literal
 *                   when the value starts with {@code =}
 * @param text       the recommendation shown to people
 * @param url        a link with details, or {@code null}
 */
public record Remediation(RemediationMode mode, String document, Map<String, String> parameters, String text,
                          String url) {

    public Remediation {
        parameters = Map.copyOf(parameters);
    }
}
