package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.Value;

import java.util.List;

/** The implementation of one built-in function. */
@FunctionalInterface
public interface BuiltinFunction {

    /**
     * Computes the result for ground arguments.
     *
     * @return the result, or null when the call is undefined
     * @throws BuiltinException when an argument is invalid or the computation fails
     */
    Value call(BuiltinContext context, List<Value> args);
}
