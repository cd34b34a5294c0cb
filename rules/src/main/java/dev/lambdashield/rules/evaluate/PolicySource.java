package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.ast.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of a policy bundle: Rego modules ({@code *.rego}, without the {@code *_test.rego} unit tests) and
 * data files ({@code data/*.json}), read from a directory or from {@code policies/} on the class path (the
 * deployment jar). Files are sorted by name so every load compiles the same way.
 *
 * @param origin  where the bundle came from, for messages
 * @param modules module name (e.g. {@code policies/lambda_tracing_active.rego} from the class path) to source
 * @param data    data file name to JSON text
 */
public record PolicySource(String origin, Map<String, String> modules, Map<String, String> data) {

    /** The class-path folder the build copies the policy library into. */
    public static final String CLASSPATH_ROOT = "policies";

    public PolicySource {
        modules = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(modules));
        data = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(data));
    }

    /** Reads the bundle from a directory; module names are the directory path joined with the relative path. */
    public static PolicySource fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PolicyLoadException("policy_bundle_not_found", "policy directory " + directory
                    + " does not exist or is not a directory", Location.of(directory.toString(), -1, -1));
        }
        return read(directory, directory.toString(), directory.toString().replace('\\', '/') + "/");
    }

    /**
     * Reads the bundle packaged under {@code policies/} on the class path of {@code loader}.
     *
     * <p>NOTE: the folder is found through its directory entry, which the Maven jar plugin writes; a jar built
     * without directory entries looks as if it had no policies.
     */
    public static PolicySource fromClasspath(ClassLoader loader) {
        URL root = loader.getResource(CLASSPATH_ROOT);
        if (root == null) {
            throw new PolicyLoadException("policy_bundle_not_found", "no '" + CLASSPATH_ROOT
                    + "' folder on the class path; the jar was built without the policy library",
                    Location.of(CLASSPATH_ROOT, -1, -1));
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                return readJar(uri);
            }
            return read(Path.of(uri), "classpath:" + CLASSPATH_ROOT, CLASSPATH_ROOT + "/");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class path URL " + root + " is not a valid URI", e);
        }
    }

    private static PolicySource readJar(URI uri) {
        FileSystem jar;
        boolean opened = false;
        try {
            jar = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (IOException io) {
                throw new UncheckedIOException("failed to open " + uri, io);
            }
        }
        try {
            return read(jar.getPath(CLASSPATH_ROOT), "classpath:" + CLASSPATH_ROOT, CLASSPATH_ROOT + "/");
        } finally {
            if (opened) {
                try {
                    jar.close();
                } catch (IOException ignored) {
                    // Reading finished; a failure to close the read-only jar view changes nothing.
                }
            }
        }
    }

    private static PolicySource read(Path root, String origin, String namePrefix) {
        Map<String, String> modules = new java.util.TreeMap<>();
        Map<String, String> data = new java.util.TreeMap<>();
        for (Path file : files(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            String name = namePrefix + relative;
            if (relative.endsWith(".rego") && !relative.endsWith("_test.rego")) {
                modules.put(name, readText(file));
            } else if (relative.startsWith("data/") && relative.endsWith(".json")) {
                data.put(name, readText(file));
            }
        }
        if (modules.isEmpty()) {
            throw new PolicyLoadException("policy_bundle_empty", "no .rego policy in " + origin,
                    Location.of(origin, -1, -1));
        }
        return new PolicySource(origin, modules, data);
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to list policy files under " + root, e);
        }
    }

    private static String readText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read policy file " + file, e);
        }
    }
}
