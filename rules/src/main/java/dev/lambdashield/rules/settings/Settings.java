package dev.lambdashield.rules.settings;

import dev.lambdashield.rules.aws.AwsEndpoint;
import dev.lambdashield.rules.remediate.RemediationSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rule's settings. {@link #fromEnvironment()} reads them from environment variables; the CLI and tests use
 * {@link #builder()}. Each value resolves as: environment variable if set and not blank, else the default.
 * Invalid values raise {@link SettingsException} naming the variable; values are never echoed, because an
 * environment may hold secrets.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>{@code AWS_REGION}</td><td>region of the SDK clients (set by Lambda); required</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_POLICY_DIR}</td><td>a policy bundle directory used instead of the bundled
 *       policies</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_DRY_RUN}</td><td>{@code true} prints AWS writes instead of sending them;
 *       default {@code false}</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_AWS_ENDPOINT}</td><td>endpoint override for every AWS client (a local
 *       emulator); default none</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_LOG_LEVEL}</td><td>TRACE, DEBUG, INFO, WARN or ERROR; default
 *       {@code AWS_LAMBDA_LOG_LEVEL}, else INFO</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_METRICS_NAMESPACE}</td><td>CloudWatch namespace of the metrics; default
 *       {@code LambdaShield}</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_TIME_RESERVE_MS}</td><td>time kept back from the Lambda timeout for
 *       reporting: no new resource is evaluated once less remains; default 5000</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_ENRICHMENT}</td><td>{@code true} runs policies that need Lambda or IAM
 *       enrichment; default {@code false}</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_SECURITY_HUB}</td><td>{@code true} keeps a Security Hub finding per policy
 *       and function; set {@code false} in accounts without Security Hub; default {@code true}</td></tr>
 *   <tr><td>{@code LAMBDA_SHIELD_REMEDIATION} and the other {@code LAMBDA_SHIELD_*} remediation variables</td>
 *       <td>see {@link RemediationSettings}; the switch defaults to {@code dry-run}</td></tr>
 * </table>
 */
public final class Settings {

    public static final String REGION = "AWS_REGION";
    public static final String POLICY_DIR = "LAMBDA_SHIELD_POLICY_DIR";
    public static final String DRY_RUN = "LAMBDA_SHIELD_DRY_RUN";
    public static final String AWS_ENDPOINT = "LAMBDA_SHIELD_AWS_ENDPOINT";
    public static final String LOG_LEVEL = "LAMBDA_SHIELD_LOG_LEVEL";
    public static final String LAMBDA_LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
    public static final String METRICS_NAMESPACE = "LAMBDA_SHIELD_METRICS_NAMESPACE";
    public static final String TIME_RESERVE_MS = "LAMBDA_SHIELD_TIME_RESERVE_MS";
    public static final String ENRICHMENT = "LAMBDA_SHIELD_ENRICHMENT";
    public static final String SECURITY_HUB = "LAMBDA_SHIELD_SECURITY_HUB";

    private final Region region;
    private final Path policyDirectory;
    private final boolean dryRun;
    private final URI awsEndpoint;
    private final AwsCredentialsProvider credentials;
    private final String logLevel;
    private final String metricsNamespace;
    private final Duration timeReserve;
    private final boolean enrichment;
    private final boolean securityHub;
    private final RemediationSettings remediation;

    private Settings(Builder b) {
        if (b.region == null) {
            throw new SettingsException("missing region: set " + REGION);
        }
        this.region = b.region;
        this.policyDirectory = b.policyDirectory;
        this.dryRun = b.dryRun;
        this.awsEndpoint = b.awsEndpoint;
        this.credentials = b.credentials;
        this.logLevel = b.logLevel;
        this.metricsNamespace = b.metricsNamespace;
        this.timeReserve = b.timeReserve;
        this.enrichment = b.enrichment;
        this.securityHub = b.securityHub;
        this.remediation = b.remediation;
    }

    /** Reads the process environment. */
    public static Settings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Reads the given variables as if they were the environment. */
    public static Settings fromEnvironment(Map<String, String> env) {
        Builder b = builder();
        value(env, REGION).ifPresent(v -> b.region(Region.of(v)));
        value(env, POLICY_DIR).ifPresent(v -> b.policyDirectory(Path.of(v)));
        value(env, DRY_RUN).ifPresent(v -> b.dryRun(parseBoolean(DRY_RUN, v)));
        value(env, AWS_ENDPOINT).ifPresent(v -> b.awsEndpoint(parseUri(AWS_ENDPOINT, v)));
        Optional<String> level = value(env, LOG_LEVEL).or(() -> value(env, LAMBDA_LOG_LEVEL));
        level.ifPresent(v -> b.logLevel(parseLevel(v)));
        value(env, METRICS_NAMESPACE).ifPresent(b::metricsNamespace);
        value(env, TIME_RESERVE_MS).ifPresent(v -> b.timeReserve(Duration.ofMillis(parseMillis(TIME_RESERVE_MS, v))));
        value(env, ENRICHMENT).ifPresent(v -> b.enrichment(parseBoolean(ENRICHMENT, v)));
        value(env, SECURITY_HUB).ifPresent(v -> b.securityHub(parseBoolean(SECURITY_HUB, v)));
        try {
            b.remediation(RemediationSettings.fromEnvironment(env));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        b.credentials(EnvironmentVariableCredentialsProvider.create());
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().region(region).policyDirectory(policyDirectory).dryRun(dryRun).awsEndpoint(awsEndpoint)
                .credentials(credentials).logLevel(logLevel).metricsNamespace(metricsNamespace)
                .timeReserve(timeReserve).enrichment(enrichment).securityHub(securityHub).remediation(remediation);
    }

    public Region region() {
        return region;
    }

    /** The policy bundle directory, when one replaces the bundled policies. */
    public Optional<Path> policyDirectory() {
        return Optional.ofNullable(policyDirectory);
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** Region, endpoint override and credentials for SDK clients. */
    public AwsEndpoint awsEndpoint() {
        return new AwsEndpoint(region, awsEndpoint, credentials);
    }

    /** One of TRACE, DEBUG, INFO, WARN, ERROR. */
    public String logLevel() {
        return logLevel;
    }

    public String metricsNamespace() {
        return metricsNamespace;
    }

    public Duration timeReserve() {
        return timeReserve;
    }

    public boolean enrichment() {
        return enrichment;
    }

    /** Returns whether findings are imported into Security Hub. */
    public boolean securityHub() {
        return securityHub;
    }

    public RemediationSettings remediation() {
        return remediation;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static boolean parseBoolean(String name, String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new SettingsException("invalid " + name + ": expected true or false");
        }
    }

    private static URI parseUri(String name, String v) {
        try {
            URI uri = new URI(v);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new SettingsException("invalid " + name + ": expected an absolute URL such as http://127.0.0.1:4566");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SettingsException("invalid " + name + ": expected an absolute URL such as http://127.0.0.1:4566");
        }
    }

    private static String parseLevel(String v) {
        String level = v.toUpperCase(Locale.ROOT);
        switch (level) {
            case "TRACE":
            case "DEBUG":
            case "INFO":
            case "WARN":
            case "ERROR":
                return level;
            case "FATAL":
                return "ERROR";
            default:
                throw new SettingsException("invalid " + LOG_LEVEL + ": expected TRACE, DEBUG, INFO, WARN or ERROR");
        }
    }

    private static long parseMillis(String name, String v) {
        try {
            long millis = Long.parseLong(v);
            if (millis < 0) {
                throw new SettingsException("invalid " + name + ": expected a non-negative number of milliseconds");
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new SettingsException("invalid " + name + ": expected a non-negative number of milliseconds");
        }
    }

    /** Builds {@link Settings}; only the region is required. */
    public static final class Builder {
        private Region region;
        private Path policyDirectory;
        private boolean dryRun;
        private URI awsEndpoint;
        private AwsCredentialsProvider credentials = EnvironmentVariableCredentialsProvider.create();
        private String logLevel = "INFO";
        private String metricsNamespace = "LambdaShield";
        private Duration timeReserve = Duration.ofSeconds(5);
        private boolean enrichment;
        private boolean securityHub = true;
        private RemediationSettings remediation = RemediationSettings.defaults();

        private Builder() {
        }

        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        public Builder policyDirectory(Path directory) {
            this.policyDirectory = directory;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder awsEndpoint(URI endpoint) {
            this.awsEndpoint = endpoint;
            return this;
        }

        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder logLevel(String level) {
            this.logLevel = parseLevel(level);
            return this;
        }

        public Builder metricsNamespace(String namespace) {
            this.metricsNamespace = namespace;
            return this;
        }

        public Builder timeReserve(Duration reserve) {
            this.timeReserve = reserve;
            return this;
        }

        public Builder enrichment(boolean enabled) {
            this.enrichment = enabled;
            return this;
        }

        public Builder securityHub(boolean enabled) {
            this.securityHub = enabled;
            return this;
        }

        public Builder remediation(RemediationSettings settings) {
            this.remediation = settings;
            return this;
        }

        public Settings build() {
            return new Settings(this);
        }
    }
}
