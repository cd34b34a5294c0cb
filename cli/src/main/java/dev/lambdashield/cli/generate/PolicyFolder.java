package dev.lambdashield.cli.generate;

import dev.lambdashield.cli.CliEnvironment;
import dev.lambdashield.cli.scan.PolicyBundles;
import dev.lambdashield.rules.evaluate.PolicyBundle;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The policies the generators read: {@code --policy-dir} when given, else the checkout's {@code policies/}
 * folder, else (outside a checkout) the policies bundled in the jar.
 */
final class PolicyFolder {

    private PolicyFolder() {
    }

    static PolicyBundle load(Path policyDir) {
        if (policyDir != null) {
            return PolicyBundles.load(policyDir);
        }
        Path checkout = CliEnvironment.inHome("policies");
        return PolicyBundles.load(Files.isDirectory(checkout) ? checkout : null);
    }
}
