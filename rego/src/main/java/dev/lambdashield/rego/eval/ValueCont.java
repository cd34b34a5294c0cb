package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.value.Value;

/** The rest of a search that receives one value of a term; returns true to stop, as {@link Cont} does. */
@FunctionalInterface
interface ValueCont {

    boolean accept(Value value);
}
