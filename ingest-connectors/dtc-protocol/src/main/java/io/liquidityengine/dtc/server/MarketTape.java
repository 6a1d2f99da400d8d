package io.liquidityengine.dtc.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The trades of one symbol in time order, and how many of them the market has printed so far.
 * Printed trades go to subscribers and are served as historical ticks; a test or a pacing thread
 * moves the market on with {@link #release(int)} or {@link #releaseThrough(long)}. The server's
 * order book matches its working orders against each print as it is released (on the releasing
 * thread, before {@code release} returns), whether or not anyone subscribed to the symbol.
 */
public final class MarketTape {

    private final String symbol;
    private final String exchange;
    private final List<TapeTrade> trades;
    private final double tickSize;
    private final List<Runnable> printListeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition printed = lock.newCondition();
    private int released;

    /** A tape without a known tick size: orders on it fill without slippage ({@code slippageTicks} must be 0). */
    public MarketTape(String symbol, String exchange, List<TapeTrade> trades) {
        this(symbol, exchange, trades, 0);
    }

    /** @param tickSize the symbol's minimum price increment (slippage is counted in it); 0 = unknown */
    public MarketTape(String symbol, String exchange, List<TapeTrade> trades, double tickSize) {
        if (!(tickSize >= 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("tape " + symbol + ": tick size must be 0 (unknown) or positive, got " + tickSize);
        }
        for (int i = 1; i < trades.size(); i++) {
            if (trades.get(i).timeMicros() < trades.get(i - 1).timeMicros()) {
                throw new IllegalArgumentException("tape " + symbol + ": trade " + i + " is earlier than the one before it");
            }
        }
        this.symbol = symbol;
        this.exchange = exchange;
        this.trades = new CopyOnWriteArrayList<>(trades);
        this.tickSize = tickSize;
    }

    /** The minimum price increment, 0 when unknown. */
    public double tickSize() {
        return tickSize;
    }

    /** Runs {@code listener} after every release that printed something (outside the tape's lock). */
    void onPrint(Runnable listener) {
        printListeners.add(listener);
    }

    private void notifyListeners() {
        printListeners.forEach(Runnable::run);
    }

    public String symbol() {
        return symbol;
    }

    public String exchange() {
        return exchange;
    }

    public int size() {
        return trades.size();
    }

    public TapeTrade trade(int index) {
        return trades.get(index);
    }

    /** Trades printed so far. */
    public int released() {
        lock.lock();
        try {
            return released;
        } finally {
            lock.unlock();
        }
    }

    /** Prints {@code count} more trades (fewer at the end of the tape); returns how many are printed now. */
    public int release(int count) {
        int now;
        boolean moved;
        lock.lock();
        try {
            int before = released;
            released = (int) Math.min(trades.size(), (long) released + count);
            moved = released != before;
            now = released;
            printed.signalAll();
        } finally {
            lock.unlock();
        }
        if (moved) {
            notifyListeners();
        }
        return now;
    }

    /** Prints every trade up to and including {@code timeMicros}. */
    public int releaseThrough(long timeMicros) {
        int now;
        boolean moved = false;
        lock.lock();
        try {
            int n = released;
            while (n < trades.size() && trades.get(n).timeMicros() <= timeMicros) {
                n++;
            }
            if (n != released) {
                released = n;
                moved = true;
                printed.signalAll();
            }
            now = released;
        } finally {
            lock.unlock();
        }
        if (moved) {
            notifyListeners();
        }
        return now;
    }

    /**
     * Appends {@code trade} to the tape and prints it at once, like {@link #release(int)} of one more trade
     * (a live market made up as it goes, for tests); everything before it must have been printed and it must
     * not be earlier than the last trade. Returns how many trades are printed now.
     */
    public int print(TapeTrade trade) {
        lock.lock();
        try {
            if (released != trades.size()) {
                throw new IllegalStateException("tape " + symbol + ": " + (trades.size() - released) + " trades are not printed yet");
            }
            if (!trades.isEmpty() && trade.timeMicros() < trades.get(trades.size() - 1).timeMicros()) {
                throw new IllegalArgumentException("tape " + symbol + ": a trade at " + trade.timeMicros() + " is earlier than the last one");
            }
            trades.add(trade);
        } finally {
            lock.unlock();
        }
        return release(1);
    }

    public boolean finished() {
        return released() == trades.size();
    }

    /** Waits until more than {@code seen} trades are printed, at most {@code timeoutMillis}; returns the printed count. */
    int awaitBeyond(int seen, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (released <= seen && nanos > 0) {
                nanos = printed.awaitNanos(nanos);
            }
            return released;
        } finally {
            lock.unlock();
        }
    }

    /** Index of the first trade at or after {@code timeMicros}. */
    int firstAtOrAfter(long timeMicros) {
        int lo = 0;
        int hi = trades.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trades.get(mid).timeMicros() < timeMicros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
