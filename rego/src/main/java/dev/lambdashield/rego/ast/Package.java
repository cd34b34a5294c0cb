package dev.lambdashield.rego.ast;

import dev.lambdashield.rego.value.StringValue;

import java.util.ArrayList;
import java.util.List;

/** A package declaration; {@code path} is the full reference, starting with {@code data}. */
public record Package(Ref path, Location location) {

    /** Returns the path's names after {@code data}, e.g. [lambda_shield, tracing]. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            names.add(((StringValue) ((Scalar) path.get(i)).value()).value());
        }
        return names;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
