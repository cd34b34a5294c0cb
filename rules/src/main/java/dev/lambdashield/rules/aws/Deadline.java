package dev.lambdashield.rules.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The time an invocation has left. In Lambda it follows {@code Context.getRemainingTimeInMillis()}; the CLI
 * uses {@link #none()}.
 */
public interface Deadline {

    /** Time left before the invocation is cut off; may be negative once passed. */
    Duration remaining();

    /** Whether at least {@code reserve} is left, i.e. whether new work may start. */
    default boolean allows(Duration reserve) {
        return remaining().compareTo(reserve) > 0;
    }

    /** The wall-clock instant at which time runs out, for the engine's evaluation deadline. */
    default Instant instant(Clock clock) {
        return clock.instant().plus(remaining());
    }

    /** A deadline that reads the remaining milliseconds from a supplier, e.g. the Lambda context. */
    static Deadline fromRemainingMillis(LongSupplier remainingMillis) {
        return () -> Duration.ofMillis(remainingMillis.getAsLong());
    }

    /** A deadline at a fixed instant of the given clock. */
    static Deadline at(Instant end, Clock clock) {
        return () -> Duration.between(clock.instant(), end);
    }

    /** No limit: for command-line runs. */
    static Deadline none() {
        return () -> Duration.ofDays(365);
    }
}
