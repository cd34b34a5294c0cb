package dev.lambdashield.rules.remediate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a function is exempt from a policy's remediation, by a resource tag or by its name.
 *
 * <p>The tag (default {@code lambda-shield:exempt}) lists exempted policy ids, or {@code all}. Lambda tag values
 * cannot contain commas, so ids are separated by spaces, {@code +} or {@code /}; commas are accepted too.
 * Name patterns are globs where {@code *} matches any run of characters and {@code ?} one character.
 * NOTE: anyone allowed to tag a function can exempt it; restrict {@code lambda:TagResource} on this tag key.
 */
public final class Exemptions {

    private final String tagKey;
    private final List<String> patternTexts;
    private final List<Pattern> patterns;

    public Exemptions(String tagKey, List<String> functionNamePatterns) {
        this.tagKey = tagKey;
        this.patternTexts = List.copyOf(functionNamePatterns);
        this.patterns = new ArrayList<>();
        for (String glob : functionNamePatterns) {
            patterns.add(globToRegex(glob));
        }
    }

    public static Exemptions from(RemediationSettings settings) {
        return new Exemptions(settings.exemptionTagKey(), settings.exemptFunctionPatterns());
    }

    /** Returns why the function is exempt from {@code policyId}'s remediation, or empty when it is not. */
    public Optional<String> reason(String functionName, JsonNode tags, String policyId) {
        for (int i = 0; i < patterns.size(); i++) {
            if (functionName != null && patterns.get(i).matcher(functionName).matches()) {
                return Optional.of("function name matches exemption pattern '" + patternTexts.get(i) + "'");
            }
        }
        JsonNode value = tags == null ? null : tags.get(tagKey);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        for (String entry : value.textValue().split("[\\s,+/]+")) {
            String id = entry.trim().toLowerCase(Locale.ROOT);
            if (id.equals("all") || id.equals("*") || id.equals(policyId.toLowerCase(Locale.ROOT))) {
                return Optional.of("tag " + tagKey + " exempts " + (id.equals(policyId) ? "this policy" : "all policies"));
            }
        }
        return Optional.empty();
    }

    private static Pattern globToRegex(String glob) {
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
