package dev.lambdashield.rego.errors;

import dev.lambdashield.rego.ast.Location;

import java.util.Objects;

/** One diagnostic: OPA's code, a plain message, and where in the source it applies. */
public record RegoError(ErrorCode code, String message, Location location) implements Comparable<RegoError> {

    public RegoError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        location = location == null ? Location.UNKNOWN : location;
    }

    /** Formats as {@code file:line:col: code: message}. */
    @Override
    public String toString() {
        return location + ": " + code.code() + ": " + message;
    }

    @Override
    public int compareTo(RegoError other) {
        int byFile = String.valueOf(location.file()).compareTo(String.valueOf(other.location.file()));
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(location.line(), other.location.line());
        if (byLine != 0) {
            return byLine;
        }
        return Integer.compare(location.column(), other.location.column());
    }
}
