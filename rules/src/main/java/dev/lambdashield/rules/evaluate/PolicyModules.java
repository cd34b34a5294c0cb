package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.ast.Location;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every module defining {@code deny} or {@code warn} under {@code lambda_shield.} carries policy
 * metadata, because without it the policy would never be selected and no error would show it.
 */
final class PolicyModules {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([A-Za-z0-9_.]+)");
    private static final Pattern DECISION_RULE = Pattern.compile("(?m)^(deny|warn)\\b");

    private PolicyModules() {
    }

    static void requireMetadata(PolicySource source, Set<String> describedPackages) {
        for (Map.Entry<String, String> module : source.modules().entrySet()) {
            Matcher pkg = PACKAGE.matcher(module.getValue());
            if (!pkg.find()) {
                continue;
            }
            String path = "data." + pkg.group(1);
            if (path.startsWith(MetadataReader.PACKAGE_PREFIX) && !describedPackages.contains(path)
                    && DECISION_RULE.matcher(module.getValue()).find()) {
                int line = lineOf(module.getValue(), pkg.start());
                throw new PolicyLoadException("invalid_policy_metadata", pkg.group(1) + " defines deny or warn "
                        + "but has no package # METADATA block with custom.id",
                        Location.of(module.getKey(), line, 1));
            }
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
