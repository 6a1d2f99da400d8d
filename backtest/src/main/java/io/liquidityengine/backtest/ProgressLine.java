package io.liquidityengine.backtest;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One progress line for a run: the event time reached, ticks so far, ticks per second and the time
 * left when the total is known. On a terminal it is one line rewritten in place; otherwise a line
 * at most every {@code interval} seconds, so logs stay short.
 */
public final class ProgressLine implements Backtest.Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final PrintStream out;
    private final boolean terminal;
    private final ZoneId zone;
    private final long totalTicks;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastPrint = Long.MIN_VALUE;
    private boolean open;

    /**
     * @param totalTicks the run's ticks when known beforehand (for the time left), else 0
     */
    public ProgressLine(PrintStream out, boolean terminal, ZoneId zone, long totalTicks, double intervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.zone = zone;
        this.totalTicks = totalTicks;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    /** For the console: a rewritten line when stdout is a terminal. */
    public static ProgressLine console(ZoneId zone, long totalTicks) {
        return new ProgressLine(System.out, System.console() != null, zone, totalTicks, terminalOr(System.console() != null));
    }

    private static double terminalOr(boolean terminal) {
        return terminal ? 0.2 : 5;
    }

    @Override
    public void at(long ticks, Instant eventTime) {
        long now = System.nanoTime();
        if (lastPrint != Long.MIN_VALUE && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        String line = text(ticks, eventTime, now - start);
        if (terminal) {
            out.print("\r" + line + "\033[K");
            open = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends a rewritten line (call once the run is over). */
    public void done() {
        if (open) {
            out.println();
            open = false;
        }
    }

    String text(long ticks, Instant eventTime, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? ticks / seconds : 0;
        StringBuilder b = new StringBuilder(String.format("  event time %s   %,d ticks   %,.0f ticks/s",
                TIME.format(eventTime.atZone(zone)), ticks, rate));
        if (totalTicks > 0 && rate > 0) {
            long left = Math.max(0, totalTicks - ticks);
            b.append(String.format("   %d%%   ETA %.0f s", Math.min(100, ticks * 100 / totalTicks), left / rate));
        }
        return b.toString();
    }
}
