package dev.lambdashield.rego.builtins;

/** One family of built-ins (strings, numbers, time, ...), which registers its declarations and implementations. */
public interface BuiltinFamily {

    void registerInto(BuiltinRegistry registry);
}
