package dev.lambdashield.rules.enrich;

import java.util.Locale;

/** An enrichment source a policy can declare in {@code custom.enrichment}, and its key in {@code input.enrichment}. */
public enum EnrichmentSource {

    /** GetFunctionUrlConfig. */
    FUNCTION_URL("function_url", "functionUrl"),
    /** GetFunctionCodeSigningConfig and GetCodeSigningConfig. */
    CODE_SIGNING("code_signing", "codeSigning"),
    /** The execution role's attached and inline policy documents from IAM. */
    EXECUTION_ROLE("execution_role", "executionRole");

    private final String declaredName;
    private final String inputKey;

    EnrichmentSource(String declaredName, String inputKey) {
        this.declaredName = declaredName;
        this.inputKey = inputKey;
    }

    /** Returns the name used in policy metadata, e.g. {@code function_url}. */
    public String declaredName() {
        return declaredName;
    }

    /** Returns the key under {@code input.enrichment}, e.g. {@code functionUrl}. */
    public String inputKey() {
        return inputKey;
    }

    /**
     * Parses a declared name.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static EnrichmentSource parse(String declared) {
        for (EnrichmentSource source : values()) {
            if (source.declaredName.equals(declared.toLowerCase(Locale.ROOT))) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown enrichment source '" + declared
                + "': expected function_url, code_signing or execution_role");
    }
}
