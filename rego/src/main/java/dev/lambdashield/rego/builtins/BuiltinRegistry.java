package dev.lambdashield.rego.builtins;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Built-in declarations and their implementations, by name. Filled once, then read concurrently. */
public final class BuiltinRegistry {

    /** A declaration with its implementation. */
    public record Entry(BuiltinDecl decl, BuiltinFunction function) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    /** Registers a built-in; a second registration of one name is a programming error. */
    public void register(BuiltinDecl decl, BuiltinFunction function) {
        if (entries.putIfAbsent(decl.name(), new Entry(decl, function)) != null) {
            throw new IllegalStateException("built-in registered twice: " + decl.name());
        }
    }

    public Optional<Entry> lookup(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }
}
