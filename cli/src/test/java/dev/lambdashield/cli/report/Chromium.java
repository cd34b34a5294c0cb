package dev.lambdashield.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless Chromium on a local file, isolated from the network and from any profile: no
 * background networking, updates, sync or QUIC, and a fresh user-data directory per run.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 90;
    private static final String[] CANDIDATES = {"chromium", "chromium-browser"};

    private final Path executable;
    private final Path workDir;

    private Chromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /**
     * Finds Chromium on the PATH.
     *
     * @throws AssertionError saying how to install it, when it is missing
     */
    static Chromium find(Path workDir) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : CANDIDATES) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return new Chromium(candidate, workDir);
                }
            }
        }
        throw new AssertionError("chromium is not installed, so the HTML report cannot be rendered: install it with "
                + "'apt-get update && apt-get install -y chromium' (.ci/run does this before the tests)");
    }

    /** Loads the URL, lets its scripts run, and returns the resulting DOM as HTML. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run("--dump-dom", url);
    }

    /** Loads the URL and saves a PNG screenshot of the given window size. */
    Path screenshot(String url, int width, int height) throws IOException, InterruptedException {
        Path png = workDir.resolve("screenshot.png");
        run("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars", url);
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium did not write the screenshot " + png);
        }
        return png;
    }

    private String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = workDir.resolve("chromium.out");
        Path stderr = workDir.resolve("chromium.err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium failed with exit code " + process.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
