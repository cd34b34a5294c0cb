package dev.lambdashield.rules.deployment;

/**
 * Raised when the template's Config rules cannot be generated, for example because a policy names an SSM document
 * the template does not deploy. The {@link #code()} is stable, so scripts and tests can match on it.
 */
public final class DeploymentConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A policy names an SSM Automation document that is not in {@link RemediationTargets}. */
    public static final String UNKNOWN_DOCUMENT = "deploy_unknown_document";
    /** An {@code auto} remediation parameter needs a value AWS Config remediation cannot supply. */
    public static final String UNSUPPORTED_PARAMETER = "deploy_unsupported_parameter";
    /** The template has no generated section, or its markers are out of order. */
    public static final String MARKERS_MISSING = "deploy_markers_missing";
    /** Two policies share an id, which would give two Config rules one name. */
    public static final String DUPLICATE_POLICY = "deploy_duplicate_policy";

    private final String code;

    public DeploymentConfigException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** Returns the stable error code, e.g. {@value #UNKNOWN_DOCUMENT}. */
    public String code() {
        return code;
    }
}
