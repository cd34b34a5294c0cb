package dev.lambdashield.benchmarks.harness;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches a new JVM with the harness's own class path and a clean environment holding only the Lambda-style
 * settings the rule reads: region, placeholder static credentials, dry-run, and the AWS endpoint on 127.0.0.1.
 */
final class ChildJvm {

    /** Longer than Lambda's 15-minute maximum, after which the periodic run stops new work by itself. */
    private static final long TIMEOUT_MINUTES = 20;

    private ChildJvm() {
    }

    /** Environment of a rule JVM whose AWS calls all go to {@code endpoint}. */
    static Map<String, String> ruleEnvironment(URI endpoint, boolean dryRun) {
        return Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIDBENCHMARKONLY",
                "AWS_SECRET_ACCESS_KEY", "benchmark-placeholder",
                "AWS_EC2_METADATA_DISABLED", "true",
                "LAMBDA_SHIELD_DRY_RUN", String.valueOf(dryRun),
                "LAMBDA_SHIELD_AWS_ENDPOINT", endpoint.toString(),
                "LAMBDA_SHIELD_LOG_LEVEL", "INFO");
    }

    /**
     * Runs {@code mainClass} to completion and returns the wall-clock milliseconds from launch to exit.
     *
     * @param log file that receives the JVM's standard output and error (logs and dry-run lines)
     * @throws IllegalStateException when the JVM exits with a non-zero status or runs past 20 minutes
     */
    static double run(List<String> jvmOptions, Map<String, String> environment, Path log, String mainClass,
                      String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass + " ran longer than " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " failed with exit status " + process.exitValue() + "; see "
                    + log);
        }
        return millis;
    }
}
