package dev.lambdashield.cli.scan;

import dev.lambdashield.cli.CliEnvironment;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.cli.report.ReportFormat;
import dev.lambdashield.cli.report.ReportWriter;
import dev.lambdashield.rules.evaluate.InvalidParameterException;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import dev.lambdashield.rules.evaluate.PolicySelection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Evaluates configuration items (files, or a live account) with the policies and reports compliance. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate configuration items with the policies and report compliance.",
            "PATH is a configuration item, a Config rule event, or a folder searched for both (*.json). "
                    + "With --aws, the Lambda functions AWS Config records in an account are scanned instead, "
                    + "read-only.",
            "Exit code 1 when any resource is NON_COMPLIANT or a policy failed to evaluate."})
public final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PATH",
            description = "A file or folder of configuration items and Config events.")
    String path;

    @Option(names = "--policies", paramLabel = "IDS",
            description = "Comma-separated policy ids or globs to run, e.g. 'lambda-url-*,lambda-tracing-active'; "
                    + "default all.")
    String policies;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "A rule parameter, as the Config rule would get it; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--policy-dir", paramLabel = "DIR",
            description = "Use the policies in DIR instead of the bundled ones.")
    Path policyDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            converter = FormatConverter.class,
            description = "Output format: table, json, asff, sarif or html (default ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--all", description = "List every policy's result for every resource, passes included.")
    boolean everyPolicy;

    @Option(names = "--time", paramLabel = "RFC3339",
            description = "The evaluation time policies see as input.context.evaluationTime (default now).")
    String time;

    @ArgGroup(exclusive = false, heading = "%nLive account scan:%n")
    AwsScanOptions aws;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean live = aws != null && aws.enabled;
        if (live == (path != null)) {
            throw new CliException(live ? "give either PATH or --aws, not both" : "PATH is required unless --aws is given");
        }
        Instant evaluationTime = evaluationTime();
        PolicyBundle bundle = PolicyBundles.load(policyDir);
        ProgressBar progress = ProgressBar.create(spec.commandLine().getErr(), CliEnvironment.stderrIsTerminal());

        ScanResult result;
        try {
            if (live) {
                result = new AwsScan(aws, bundle, ruleParameters(), evaluationTime, progress).scan();
            } else {
                Evaluators evaluators = new Evaluators(bundle, ruleParameters(), evaluationTime, null);
                result = new FolderScan(evaluators, progress, Clock.systemUTC()).scan(Path.of(path), path);
                requireResources(result);
            }
        } catch (InvalidParameterException e) {
            throw new CliException("invalid parameter '" + e.parameter() + "': " + e.getMessage(), e);
        }

        ReportWriter.write(result, format, everyPolicy, output, spec.commandLine().getOut());
        if (output != null) {
            spec.commandLine().getErr().println("wrote the " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " report to " + output);
            spec.commandLine().getErr().println(dev.lambdashield.cli.report.ScanSummary.line(result));
            spec.commandLine().getErr().flush();
        }
        return result.hasFailures() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private Map<String, String> ruleParameters() {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (policies != null) {
            all.put(PolicySelection.PARAMETER, policies);
        }
        return all;
    }

    /** Returns the time policies see: --time when given, so that repeated scans give the same report, else now. */
    private Instant evaluationTime() {
        if (time == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliException("invalid --time '" + time + "': expected an RFC 3339 time such as "
                    + "2026-12-01T00:00:00Z");
        }
    }

    /** Parses --format case-insensitively, listing the accepted values when it fails. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("invalid format '" + value
                        + "': expected table, json, asff, sarif or html");
            }
        }
    }

    /** Rejects a scan that read no resource, so that a wrong path or file never looks like a clean account. */
    private static void requireResources(ScanResult result) {
        if (!result.resources().isEmpty()) {
            return;
        }
        List<String> skippedFiles = result.skipped().stream().filter(line -> !line.startsWith("policy ")).limit(3)
                .collect(java.util.stream.Collectors.toList());
        String reasons = skippedFiles.isEmpty() ? "" : " (" + String.join("; ", skippedFiles) + ")";
        throw new CliException(result.target() + ": no configuration item or Config event found; give a file or "
                + "folder of AWS::Lambda::Function configuration items or Config rule events" + reasons);
    }
}
