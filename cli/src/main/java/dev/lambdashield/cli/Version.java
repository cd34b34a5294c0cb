package dev.lambdashield.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}, from the jar's manifest when built by Maven. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"lambda-shield " + (version == null ? "(development build)" : version)};
    }
}
