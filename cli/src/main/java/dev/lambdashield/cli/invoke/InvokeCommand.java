package dev.lambdashield.cli.invoke;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import dev.lambdashield.cli.AwsCredentials;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.cli.WriterStream;
import dev.lambdashield.cli.replay.RecordedAwsServer;
import dev.lambdashield.rules.aws.Deadline;
import dev.lambdashield.rules.handler.InvocationFailedException;
import dev.lambdashield.rules.handler.InvocationResult;
import dev.lambdashield.rules.handler.RuleApplication;
import dev.lambdashield.rules.observe.JsonLogOutput;
import dev.lambdashield.rules.settings.Settings;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

/** Runs the real Config rule handler on an event file. */
@Command(name = "invoke", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the Config rule handler on an event, as AWS Config would invoke it.",
            "With --dry-run every AWS write is printed to stdout as one JSON line "
                    + "({\"service\":..., \"operation\":..., \"request\":{...}}) instead of being sent. AWS Config "
                    + "reads (an oversized notification's history, a periodic run's inventory) are answered from "
                    + "the recorded responses in the folder <event>.aws/ beside the event when it exists, by a "
                    + "local server on 127.0.0.1; otherwise they go to AWS.",
            "Exit code 0 when the invocation succeeds, whatever the compliance; 1 when the rule fails (Config "
                    + "would retry); 2 for an invalid event or parameters."})
public final class InvokeCommand implements Callable<Integer> {

    /** Failure codes of the rule that mean the event itself is wrong, not the run. */
    private static final Set<String> INPUT_ERRORS = Set.of("invalid_event", "unsupported_message_type",
            "invalid_rule_parameter");
    private static final StaticCredentialsProvider REPLAY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALREPLAY", "local-replay"));

    @Option(names = {"-e", "--event"}, required = true, paramLabel = "FILE",
            description = "The Lambda event AWS Config sends to the rule (JSON).")
    Path eventFile;

    @Option(names = "--dry-run", description = "Print AWS writes as JSON lines instead of sending them.")
    boolean dryRun;

    @Option(names = "--policy-dir", paramLabel = "DIR", description = "Use the policies in DIR instead of the bundled ones.")
    Path policyDir;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The rule's region (default: the region in the event's configRuleArn).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The named AWS profile for real AWS calls.")
    String profile;

    @Option(names = "--enrichment", description = "Run the policies that need Lambda and IAM API reads.")
    boolean enrichment;

    @Option(names = "--security-hub", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Report findings to Security Hub, as the deployed rule does (default: on; "
                    + "--no-security-hub turns it off).")
    boolean securityHub;

    @Option(names = {"-v", "--verbose"}, description = "Print the rule's INFO log lines (JSON) on stderr.")
    boolean verbose;

    /** Sends every AWS call to this endpoint instead, for a local stand-in server. */
    @Option(names = "--endpoint-url", paramLabel = "URL", hidden = true)
    URI endpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ConfigEvent event = EventFile.read(eventFile);
        if (verbose) {
            JsonLogOutput.threshold(Level.INFO);
        }
        Path recordings = RecordedAwsServer.recordingsFor(eventFile);
        if (endpoint == null && Files.isDirectory(recordings)) {
            try (RecordedAwsServer server = RecordedAwsServer.start(recordings)) {
                return run(event, server.endpoint(), true);
            }
        }
        return run(event, endpoint, false);
    }

    private int run(ConfigEvent event, URI awsEndpoint, boolean replay) {
        Settings settings = Settings.builder()
                .region(region(event))
                .policyDirectory(policyDir)
                .dryRun(dryRun)
                .awsEndpoint(awsEndpoint)
                .credentials(replay ? REPLAY_CREDENTIALS : AwsCredentials.of(profile))
                .enrichment(enrichment)
                .securityHub(securityHub)
                .build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RuleApplication app = RuleApplication.builder(settings).dryRun(dryRun ? WriterStream.of(out) : null)
                .build()) {
            InvocationResult result = app.run(event, null, Deadline.none());
            err.println("invocation succeeded: " + result.messageType() + ", " + result.counts());
            err.flush();
            return ExitCode.OK;
        } catch (InvocationFailedException e) {
            err.println("lambda-shield: error: " + eventFile + ": the invocation failed: " + e.getMessage());
            err.flush();
            return INPUT_ERRORS.contains(e.code()) ? ExitCode.USAGE : ExitCode.FINDINGS;
        }
    }

    private Region region(ConfigEvent event) {
        if (region != null) {
            return Region.of(region);
        }
        String arn = event.getConfigRuleArn();
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length > 3 && !parts[3].isEmpty()) {
            return Region.of(parts[3]);
        }
        throw new CliException(eventFile + ": the event has no configRuleArn to take the region from; give --region");
    }
}
