package dev.lambdashield.cli.scan;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    @Test
    void shortScanDrawsNothing() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, now::get);
        bar.total(10);

        now.set(ProgressBar.DELAY_MILLIS - 1);
        bar.update(10);
        bar.finish();

        assertEquals("", text.toString());
    }

    @Test
    void longScanDrawsAndClears() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, now::get);
        bar.total(4);

        now.set(ProgressBar.DELAY_MILLIS + 1);
        bar.update(2);
        bar.finish();

        assertTrue(text.toString().startsWith("\rscanning [###############...............] 2/4 items"), text.toString());
        assertTrue(text.toString().endsWith("\r"), "the line is cleared");
    }

    @Test
    void notTerminalDrawsNothing() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, now::get);
        bar.total(4);

        now.set(ProgressBar.DELAY_MILLIS * 10);
        bar.update(3);
        bar.finish();

        assertEquals("", text.toString());
    }
}
