package dev.lambdashield.rego.ast;

/** An import such as {@code import data.lib.x as y}; alias is null when none was written. */
public record Import(Ref path, String alias, Location location) {

    /** Returns the name the import binds: the alias, or the last name of the path. */
    public String boundName() {
        if (alias != null) {
            return alias;
        }
        Term last = path.get(path.size() - 1);
        if (last instanceof Scalar s && s.value() instanceof dev.lambdashield.rego.value.StringValue str) {
            return str.value();
        }
        return last instanceof Var v ? v.name() : last.toString();
    }
}
