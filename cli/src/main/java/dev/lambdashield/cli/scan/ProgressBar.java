package dev.lambdashield.cli.scan;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for long scans. It draws only when stderr is a terminal and only once the
 * scan has run for {@link #DELAY_MILLIS}, so short scans and redirected output never see it; the line is
 * cleared when the scan ends, so the report that follows starts on a clean line.
 */
public final class ProgressBar {

    /** A scan that finishes sooner than this shows no bar. */
    static final long DELAY_MILLIS = 1000;
    private static final long REDRAW_MILLIS = 100;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long startedAt;
    private long total;
    private long lastDrawAt;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
    }

    /** Creates a bar on {@code err} that is drawn only when {@code terminal} is true. */
    public static ProgressBar create(PrintWriter err, boolean terminal) {
        return new ProgressBar(err, terminal, System::currentTimeMillis);
    }

    /** Sets the number of items the scan will process, once it is known. */
    public void total(long items) {
        this.total = items;
    }

    /** Reports that {@code done} items are finished. */
    public void update(long done) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (now - startedAt < DELAY_MILLIS || (drawn && now - lastDrawAt < REDRAW_MILLIS)) {
            return;
        }
        lastDrawAt = now;
        drawn = true;
        err.print("\r" + line(done));
        err.flush();
    }

    /** Clears the bar, if it was drawn. */
    public void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(line(total).length()) + "\r");
            err.flush();
            drawn = false;
        }
    }

    String line(long done) {
        if (total <= 0) {
            return "scanning: " + done + " items";
        }
        int filled = (int) Math.min(WIDTH, WIDTH * done / total);
        return "scanning [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " items";
    }
}
