package dev.lambdashield.rules.enrich;

/**
 * Enrichment of one function failed, so the policies that need it cannot be decided for that function. The
 * message names the function and the source; the AWS or parsing failure is the cause.
 */
public class EnrichmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The stable error code of this failure. */
    public static final String CODE = "enrichment_failed";

    private final String functionName;
    private final EnrichmentSource source;

    public EnrichmentException(String functionName, EnrichmentSource source, String reason, Throwable cause) {
        super(CODE + ": " + source.declaredName() + " enrichment of Lambda function " + functionName + " failed: "
                + reason + "; check the rule's IAM permissions for this call, or turn enrichment off", cause);
        this.functionName = functionName;
        this.source = source;
    }

    public String functionName() {
        return functionName;
    }

    public EnrichmentSource source() {
        return source;
    }
}
