package dev.lambdashield.rego;

/** The Rego syntax a module is written in. */
public enum RegoVersion {
    /** OPA 0.x syntax ({@code --v0-compatible}): {@code if} and {@code contains} optional, newer keywords imported. */
    V0,
    /** OPA 1.x syntax, the default: {@code if} and {@code contains} required, all keywords available. */
    V1
}
