package dev.lambdashield.cli.rego;

import dev.lambdashield.rego.RegoVersion;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options {@code check}, {@code test} and {@code eval} share: the Rego syntax and extra policy or data paths. */
public final class RegoOptions {

    @Option(names = "--v0-compatible",
            description = "Read modules as Rego v0 (OPA before 1.0): rules without 'if', partial sets as p[x] { }, "
                    + "and keywords only after 'import future.keywords'.")
    boolean v0Compatible;

    @Option(names = {"-d", "--data"}, paramLabel = "PATH",
            description = "A policy (.rego) or data (.json, .yaml) file, or a folder of them; repeatable. "
                    + "Data files are merged into data at the root.")
    List<String> dataPaths = new ArrayList<>();

    public RegoVersion version() {
        return v0Compatible ? RegoVersion.V0 : RegoVersion.V1;
    }

    /** Returns the positional paths followed by every {@code -d} path. */
    public List<String> allPaths(List<String> positional) {
        List<String> all = new ArrayList<>(positional == null ? List.of() : positional);
        all.addAll(dataPaths);
        return all;
    }
}
