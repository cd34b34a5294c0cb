package dev.lambdashield.rego.value;

/**
 * A ground Rego value: null, boolean, number, string, array, object or set.
 *
 * <p>Values are immutable. {@link #compareTo} is OPA's total order across types
 * (null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set), and
 * {@link #equals} agrees with it, so {@code 1} equals {@code 1.0}.
 */
public sealed interface Value extends Comparable<Value>
        permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

    /** Returns the position of this value's type in OPA's order of types. */
    int typeOrder();

    /** Returns the type's name as {@code type_name} reports it: "null", "boolean", "number", ... */
    String typeName();

    @Override
    default int compareTo(Value other) {
        return ValueOrder.compare(this, other);
    }
}
