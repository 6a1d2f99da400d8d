package io.liquidityengine.dtc.server;

import java.util.List;

/**
 * Prints tapes as the market would: N times real time from the first trade on, or everything at
 * once (speed 0). Started when the replay should begin, e.g. at the first subscription.
 */
public final class TapePacer implements AutoCloseable {

    private final List<MarketTape> tapes;
    private final double speed;
    private final Thread thread;
    private volatile boolean stopped;

    private TapePacer(List<MarketTape> tapes, double speed) {
        this.tapes = List.copyOf(tapes);
        this.speed = speed;
        this.thread = new Thread(this::run, "dtc-server-pacer");
        this.thread.setDaemon(true);
    }

    /** @param speed 0 = print every trade at once; N = N times real time */
    public static TapePacer start(List<MarketTape> tapes, double speed) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 (all at once) or positive, got " + speed);
        }
        TapePacer pacer = new TapePacer(tapes, speed);
        pacer.thread.start();
        return pacer;
    }

    private void run() {
        if (speed == 0) {
            tapes.forEach(t -> t.release(t.size()));
            return;
        }
        long first = tapes.stream().filter(t -> t.size() > 0).mapToLong(t -> t.trade(0).timeMicros()).min().orElse(0);
        long startNanos = System.nanoTime();
        while (!stopped && !tapes.stream().allMatch(MarketTape::finished)) {
            long marketMicros = first + (long) ((System.nanoTime() - startNanos) / 1_000d * speed);
            tapes.forEach(t -> t.releaseThrough(marketMicros));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
