package dev.lambdashield.rules.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import dev.lambdashield.rules.aws.AwsClients;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.aws.DryRun;
import dev.lambdashield.rules.aws.Retry;
import dev.lambdashield.rules.aws.RetryPolicy;
import dev.lambdashield.rules.aws.Sleeper;
import dev.lambdashield.rules.enrich.Enricher;
import dev.lambdashield.rules.enrich.EnrichmentSource;
import dev.lambdashield.rules.enrich.FunctionTarget;
import dev.lambdashield.rules.evaluate.Enrichment;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicyLoadException;
import dev.lambdashield.rules.observe.JsonLogOutput;
import dev.lambdashield.rules.observe.LogKey;
import dev.lambdashield.rules.report.SinkFactory;
import dev.lambdashield.rules.settings.Settings;
import dev.lambdashield.rules.settings.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Config rule for the lifetime of a container: settings, SDK clients, the compiled policy bundle and the
 * sinks, all built once. {@link #handleRequest} runs one invocation. The CLI builds one with
 * {@code RuleApplication.builder(settings).dryRun(System.out).build()} to run the real handler on a fixture.
 */
public final class RuleApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleApplication.class);

    private final Settings settings;
    private final AwsClients clients;
    private final PolicyBundle bundle;
    private final DryRun dryRun;
    private final List<SinkFactory> sinks;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retryPolicy;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    private RuleApplication(Builder b) {
        this.settings = b.settings;
        this.clients = b.clients != null ? b.clients : new AwsClients(b.settings.awsEndpoint());
        this.bundle = b.bundle != null ? b.bundle : b.settings.policyDirectory().map(PolicyBundle::cached)
                .orElseGet(PolicyBundle::bundled);
        this.dryRun = b.dryRunOut != null ? DryRun.printingTo(b.dryRunOut)
                : b.settings.dryRun() ? DryRun.printingTo(System.out) : DryRun.off();
        this.sinks = List.copyOf(b.sinks != null ? b.sinks : StandardSinks.all());
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.retryPolicy = b.retryPolicy;
        LOG.atInfo().addKeyValue(LogKey.POLICY_COUNT.key(), bundle.policies().size())
                .addKeyValue(LogKey.DRY_RUN.key(), dryRun.enabled())
                .log("rule initialized from {}", bundle.origin());
    }

    /** Builds the application the Lambda runs: settings from the environment, the bundled or configured policies. */
    public static RuleApplication fromEnvironment() {
        try {
            Settings settings = Settings.fromEnvironment();
            JsonLogOutput.threshold(Level.valueOf(settings.logLevel()));
            return builder(settings).build();
        } catch (SettingsException | PolicyLoadException e) {
            // Lambda reports only that initialization failed, so this line records the reason.
            LOG.atError().log("rule cannot start: {}", e.getMessage());
            throw e;
        }
    }

    /** Shortcut for the CLI: dry-run printing to {@code dryRunOut} when it is not null. */
    public static RuleApplication create(Settings settings, PrintStream dryRunOut) {
        return builder(settings).dryRun(dryRunOut).build();
    }

    public static Builder builder(Settings settings) {
        return new Builder(settings);
    }

    /**
     * Runs one invocation within the Lambda context's remaining time.
     *
     * @return a one-line JSON summary
     * @throws InvocationFailedException when anything could not be done; Config then retries
     */
    public String handleRequest(ConfigEvent event, Context context) {
        InvocationResult result = run(event, context.getAwsRequestId(),
                Deadline.fromRemainingMillis(context::getRemainingTimeInMillis));
        return InvocationSummary.toJson(result);
    }

    /** Runs one invocation outside Lambda, e.g. from the CLI. */
    public InvocationResult run(ConfigEvent event, String requestId, Deadline deadline) {
        String id = requestId != null ? requestId : UUID.randomUUID().toString();
        MDC.put(LogKey.FUNCTION_REQUEST_ID.key(), id);
        MDC.put(LogKey.CONFIG_RULE_NAME.key(), String.valueOf(event.getConfigRuleName()));
        MDC.put(LogKey.COLD_START.key(), String.valueOf(coldStart.getAndSet(false)));
        try {
            return new InvocationRunner(this, id, deadline).run(event);
        } finally {
            MDC.clear();
        }
    }

    Settings settings() {
        return settings;
    }

    AwsClients clients() {
        return clients;
    }

    PolicyBundle bundle() {
        return bundle;
    }

    DryRun dryRun() {
        return dryRun;
    }

    List<SinkFactory> sinks() {
        return sinks;
    }

    Clock clock() {
        return clock;
    }

    Retry retryFor(Deadline deadline) {
        return new Retry(retryPolicy, deadline, sleeper, new Random().nextLong());
    }

    /** Returns the Lambda and IAM enrichment when the settings turn it on, else {@code null}. */
    Enrichment enrichmentFor(Retry retry) {
        if (!settings.enrichment()) {
            return null;
        }
        Enricher enricher = Enricher.create(clients.lambda(), clients.iam(), retry);
        return (item, sources) -> {
            Set<EnrichmentSource> parsed = EnumSet.noneOf(EnrichmentSource.class);
            sources.forEach(s -> parsed.add(EnrichmentSource.parse(s)));
            return enricher.enrich(FunctionTarget.fromItem(item), parsed);
        };
    }

    @Override
    public void close() {
        clients.close();
    }

    /** Options of a {@link RuleApplication}; only the settings are required. */
    public static final class Builder {
        private final Settings settings;
        private PrintStream dryRunOut;
        private PolicyBundle bundle;
        private List<SinkFactory> sinks;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.THREAD;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private AwsClients clients;

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /**
         * Uses these SDK clients instead of building them from the settings' endpoint, e.g. clients with other
         * timeouts. The application closes them when it is closed.
         */
        public Builder clients(AwsClients clients) {
            this.clients = clients;
            return this;
        }

        /** Prints AWS writes to {@code out} instead of sending them; {@code null} leaves it to the settings. */
        public Builder dryRun(PrintStream out) {
            this.dryRunOut = out;
            return this;
        }

        /** Uses this bundle instead of the one the settings name. */
        public Builder bundle(PolicyBundle bundle) {
            this.bundle = bundle;
            return this;
        }

        /** Replaces the standard sinks. */
        public Builder sinks(List<SinkFactory> sinks) {
            this.sinks = new ArrayList<>(sinks);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public RuleApplication build() {
            return new RuleApplication(this);
        }
    }
}
