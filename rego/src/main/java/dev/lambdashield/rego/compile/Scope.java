package dev.lambdashield.rego.compile;

import java.util.HashMap;
import java.util.Map;

/** A block of local variable declarations; inner blocks (comprehensions, every) see outer ones. */
final class Scope {

    private final Scope parent;
    private final Map<String, String> declared = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    /** Returns the unique name a declared variable was renamed to, or null when it is not declared. */
    String lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            String renamed = s.declared.get(name);
            if (renamed != null) {
                return renamed;
            }
        }
        return null;
    }

    boolean declaredHere(String name) {
        return declared.containsKey(name);
    }

    void declare(String name, String renamed) {
        declared.put(name, renamed);
    }
}
