package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.ast.Location;

import java.util.Map;

/** What a built-in may read from the query that calls it. */
public interface BuiltinContext {

    /** Returns the built-in's name, for messages. */
    String name();

    /** Returns the call site. */
    Location location();

    /** Returns the query's clock reading in nanoseconds since the epoch, the same for every call in one query. */
    long timeNowNs();

    /**
     * Returns a cache that lives as long as one query, so that built-ins such as {@code rand.intn} and
     * {@code uuid.rfc4122} return the same value for the same arguments within it. Keys should start
     * with the built-in's name.
     */
    Map<Object, Object> queryCache();

    /** Raises {@code eval_cancel_error} when the query's deadline has passed; call it inside long loops. */
    void checkCancelled();

    /** Returns the runtime information for {@code opa.runtime}, as a Rego object in JSON form. */
    default Map<String, Object> runtimeInfo() {
        return Map.of();
    }
}
