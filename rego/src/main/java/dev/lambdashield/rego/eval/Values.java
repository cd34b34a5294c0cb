package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.List;

/** Small value operations the evaluator needs. */
final class Values {

    private Values() {
    }

    /**
     * Returns {@code target} with {@code value} placed at {@code path}, creating objects on the
     * way and replacing non-objects, as {@code with} does.
     */
    static Value setPath(Value target, List<String> path, Value value) {
        if (path.isEmpty()) {
            return value;
        }
        ObjectValue object = target instanceof ObjectValue o ? o : ObjectValue.EMPTY;
        ObjectValue.Builder out = ObjectValue.builder();
        object.entries().forEach(out::put);
        StringValue key = StringValue.of(path.get(0));
        out.put(key, setPath(object.get(key), path.subList(1, path.size()), value));
        return out.build();
    }
}
