package dev.lambdashield.rules.testutils;

import dev.lambdashield.rules.aws.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records backoff waits instead of sleeping, so retry tests run at full speed. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    public List<Duration> waits() {
        return waits;
    }
}
