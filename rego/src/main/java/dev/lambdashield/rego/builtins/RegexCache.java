package dev.lambdashield.rego.builtins;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled re2j patterns by source text, shared by every query. The cache is bounded: when it
 * reaches {@link #MAX_ENTRIES} it is emptied, which costs recompilation but never unbounded memory.
 * Invalid patterns are cached too, with their error message.
 */
final class RegexCache {

    static final int MAX_ENTRIES = 1024;

    /** A compiled pattern, or the reason the text does not compile. */
    private record Compiled(Pattern pattern, String error) {
    }

    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private RegexCache() {
    }

    /** Returns the compiled pattern; an invalid one raises an {@code eval_builtin_error} with re2j's reason. */
    static Pattern compile(String regex) {
        Compiled compiled = lookup(regex);
        if (compiled.pattern() == null) {
            throw BuiltinException.failure(compiled.error());
        }
        return compiled.pattern();
    }

    static boolean isValid(String regex) {
        return lookup(regex).pattern() != null;
    }

    private static Compiled lookup(String regex) {
        Compiled cached = CACHE.get(regex);
        if (cached != null) {
            return cached;
        }
        Compiled compiled;
        try {
            compiled = new Compiled(Pattern.compile(regex), null);
        } catch (PatternSyntaxException e) {
            compiled = new Compiled(null, e.getMessage());
        }
        if (CACHE.size() >= MAX_ENTRIES) {
            CACHE.clear();
        }
        CACHE.put(regex, compiled);
        return compiled;
    }
}
