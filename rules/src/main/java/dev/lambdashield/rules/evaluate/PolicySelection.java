package dev.lambdashield.rules.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the policies a rule runs from its {@code policies} parameter: a comma-separated list of policy ids or
 * globs ({@code *} any run of characters, {@code ?} one character), e.g. {@code lambda-url-*,lambda-tracing-active}.
 * Absent or blank selects every policy. An entry that matches no policy is an error, because a typo would
 * otherwise silently run fewer checks.
 */
public final class PolicySelection {

    /** The rule parameter naming the policies. */
    public static final String PARAMETER = "policies";

    private PolicySelection() {
    }

    /**
     * Returns the selected policies in bundle order.
     *
     * @throws InvalidParameterException when an entry matches no policy
     */
    public static List<PolicyMetadata> select(List<PolicyMetadata> all, String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.copyOf(all);
        }
        Set<PolicyMetadata> selected = new LinkedHashSet<>();
        for (String entry : parameter.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Pattern glob = glob(trimmed);
            int before = selected.size();
            boolean matched = false;
            for (PolicyMetadata policy : all) {
                if (glob.matcher(policy.id()).matches()) {
                    selected.add(policy);
                    matched = true;
                }
            }
            if (!matched && selected.size() == before) {
                throw new InvalidParameterException(PARAMETER, "entry '" + trimmed
                        + "' matches no policy; list policy ids or globs such as lambda-url-*");
            }
        }
        List<PolicyMetadata> ordered = new ArrayList<>();
        for (PolicyMetadata policy : all) {
            if (selected.contains(policy)) {
                ordered.add(policy);
            }
        }
        return ordered;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
