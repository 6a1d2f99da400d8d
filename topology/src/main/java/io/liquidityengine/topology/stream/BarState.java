package io.liquidityengine.topology.stream;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.FootprintLevel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Per-instrument state of the bar stage: the latest tick time seen (the instrument's own event-time
 * clock), the base bars still open (inside their window or grace period) and the partial roll-ups,
 * all as {@link OpenBar}s updated in place.
 * Kept in two changelogged {@link LiveKeyValueStore}s, serialized only at commits:
 * {@link #OPEN_SERDE} writes the clock and the open base bars (which change on every tick),
 * {@link #ROLLUP_SERDE} the partial roll-ups (which change only when a base bar closes). Plain
 * binary codec, sized up front.
 */
final class BarState {

    long maxTimeMicros = Long.MIN_VALUE;
    /** Open base bars by window start, with the times of their first and last trade (late ticks may arrive out of order). */
    final TreeMap<Long, OpenBar> openBase = new TreeMap<>();
    /** Partial roll-up bar by interval seconds, merged in place as base bars close (see {@link OpenBar#merge}). */
    final TreeMap<Integer, OpenBar> rollups = new TreeMap<>();

    /**
     * A base bar still open, updated in place on every trade, or a partial roll-up, updated in place
     * with every base bar that closes inside it (the state lives in a {@link LiveKeyValueStore}, so
     * it is serialized only at commits); {@link #bar()} builds its value.
     */
    static final class OpenBar {
        private final String instrument;
        private final int intervalSeconds;
        private final long startMicros;
        private final long endMicros;
        private double open;
        private double high;
        private double low;
        private double close;
        private double volume;
        private long trades;
        private double bidVolume;
        private double askVolume;
        /** Footprint, ascending by price, in parallel arrays of which the first {@code levels} entries are used. */
        private double[] prices;
        private double[] bids;
        private double[] asks;
        private int levels;
        private long firstTradeMicros;
        private long lastTradeMicros;

        private OpenBar(String instrument, int intervalSeconds, long startMicros, long endMicros, double price, double size,
                        long tradeCount, double bid, double ask, long timeMicros) {
            this.instrument = instrument;
            this.intervalSeconds = intervalSeconds;
            this.startMicros = startMicros;
            this.endMicros = endMicros;
            this.open = price;
            this.high = price;
            this.low = price;
            this.close = price;
            this.volume = size;
            this.trades = tradeCount;
            this.bidVolume = bid;
            this.askVolume = ask;
            this.prices = new double[8];
            this.bids = new double[8];
            this.asks = new double[8];
            prices[0] = price;
            bids[0] = bid;
            asks[0] = ask;
            this.levels = 1;
            this.firstTradeMicros = timeMicros;
            this.lastTradeMicros = timeMicros;
        }

        /** A roll-up of one base bar: {@code base}'s values in the roll-up's window. */
        private OpenBar(OpenBar base, int intervalSeconds, long startMicros, long endMicros) {
            this.instrument = base.instrument;
            this.intervalSeconds = intervalSeconds;
            this.startMicros = startMicros;
            this.endMicros = endMicros;
            this.open = base.open;
            this.high = base.high;
            this.low = base.low;
            this.close = base.close;
            this.volume = base.volume;
            this.trades = base.trades;
            this.bidVolume = base.bidVolume;
            this.askVolume = base.askVolume;
            int capacity = Math.max(16, base.levels * 2);
            this.prices = java.util.Arrays.copyOf(base.prices, capacity);
            this.bids = java.util.Arrays.copyOf(base.bids, capacity);
            this.asks = java.util.Arrays.copyOf(base.asks, capacity);
            this.levels = base.levels;
            this.firstTradeMicros = base.firstTradeMicros;
            this.lastTradeMicros = base.lastTradeMicros;
        }

        private OpenBar(BarValue bar, long firstTradeMicros, long lastTradeMicros) {
            this.instrument = bar.instrument();
            this.intervalSeconds = bar.intervalSeconds();
            this.startMicros = bar.startMicros();
            this.endMicros = bar.endMicros();
            this.open = bar.open();
            this.high = bar.high();
            this.low = bar.low();
            this.close = bar.close();
            this.volume = bar.volume();
            this.trades = bar.trades();
            this.bidVolume = bar.bidVolume();
            this.askVolume = bar.askVolume();
            int n = bar.footprint().size();
            this.prices = new double[Math.max(8, n * 2)];
            this.bids = new double[prices.length];
            this.asks = new double[prices.length];
            for (FootprintLevel level : bar.footprint()) {
                prices[levels] = level.price();
                bids[levels] = level.bidVolume();
                asks[levels] = level.askVolume();
                levels++;
            }
            this.firstTradeMicros = firstTradeMicros;
            this.lastTradeMicros = lastTradeMicros;
        }

        /** An open bar from a stored value (no studies). */
        static OpenBar of(BarValue bar, long firstTradeMicros, long lastTradeMicros) {
            return new OpenBar(bar, firstTradeMicros, lastTradeMicros);
        }

        /** A bar of one trade: {@code price} on the grid, {@code bid}/{@code ask} the trade's seller/buyer-aggressor volume. */
        static OpenBar first(String instrument, int intervalSeconds, long startMicros, long endMicros, double price, double size,
                             long tradeCount, double bid, double ask, long timeMicros) {
            if (!Double.isFinite(price) || !(size >= 0) || !(bid >= 0) || !(ask >= 0)
                    || Double.isInfinite(size) || Double.isInfinite(bid) || Double.isInfinite(ask) || tradeCount < 0) {
                // the checks of BarValue and FootprintLevel, with their messages
                new BarValue(instrument, intervalSeconds, startMicros, endMicros, price, price, price, price, size, tradeCount, bid, ask,
                        List.of(new FootprintLevel(price, bid, ask)), Map.of());
            }
            return new OpenBar(instrument, intervalSeconds, startMicros, endMicros, price, size, tradeCount, bid, ask, timeMicros);
        }

        /**
         * A partial roll-up in the window {@code [startMicros, endMicros)} of {@code intervalSeconds}
         * holding the closed base bar {@code base}: what {@code BarRollup.merge(List.of(bar))} gives.
         */
        static OpenBar rollup(OpenBar base, int intervalSeconds, long startMicros, long endMicros) {
            return new OpenBar(base, intervalSeconds, startMicros, endMicros);
        }

        /**
         * Merges a closed base bar into this partial roll-up: what {@code BarRollup.merge(List.of(partial, bar))}
         * gives, the same sums in the same order (the partial's first), merging the two ascending
         * footprints. The base bar is the next one in time, so it sets the close.
         */
        void merge(OpenBar bar) {
            high = Math.max(high, bar.high);
            low = Math.min(low, bar.low);
            close = bar.close;
            volume = volume + bar.volume;
            trades = trades + bar.trades;
            bidVolume = bidVolume + bar.bidVolume;
            askVolume = askVolume + bar.askVolume;
            int n = levels + bar.levels;
            double[] p = new double[Math.max(prices.length, n)];
            double[] b = new double[p.length];
            double[] a = new double[p.length];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < levels || j < bar.levels) {
                if (j == bar.levels || (i < levels && prices[i] < bar.prices[j])) {
                    p[k] = prices[i];
                    b[k] = bids[i];
                    a[k] = asks[i];
                    i++;
                } else if (i == levels || bar.prices[j] < prices[i]) {
                    p[k] = bar.prices[j];
                    b[k] = bar.bids[j];
                    a[k] = bar.asks[j];
                    j++;
                } else {
                    p[k] = prices[i];
                    b[k] = bids[i] + bar.bids[j];
                    a[k] = asks[i] + bar.asks[j];
                    i++;
                    j++;
                }
                k++;
            }
            prices = p;
            bids = b;
            asks = a;
            levels = k;
        }

        /**
         * Adds a trade: the same bar as rolling up the trade's own one-trade bar with this one. A late
         * trade inside the grace period may be earlier than the bar's last: open and close follow trade time.
         */
        void add(double price, double size, long tradeCount, double bid, double ask, long timeMicros) {
            if (timeMicros < firstTradeMicros) {
                open = price;
                firstTradeMicros = timeMicros;
            } else if (timeMicros >= lastTradeMicros) {
                close = price;
                lastTradeMicros = timeMicros;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            volume += size;
            trades += tradeCount;
            bidVolume += bid;
            askVolume += ask;
            int i = 0;
            while (i < levels && prices[i] < price) {
                i++;
            }
            if (i < levels && prices[i] == price) {
                bids[i] += bid;
                asks[i] += ask;
                return;
            }
            if (levels == prices.length) {
                prices = java.util.Arrays.copyOf(prices, levels * 2);
                bids = java.util.Arrays.copyOf(bids, levels * 2);
                asks = java.util.Arrays.copyOf(asks, levels * 2);
            }
            System.arraycopy(prices, i, prices, i + 1, levels - i);
            System.arraycopy(bids, i, bids, i + 1, levels - i);
            System.arraycopy(asks, i, asks, i + 1, levels - i);
            prices[i] = price;
            bids[i] = bid;
            asks[i] = ask;
            levels++;
        }

        BarValue bar() {
            FootprintLevel[] footprint = new FootprintLevel[levels];
            for (int i = 0; i < levels; i++) {
                footprint[i] = new FootprintLevel(prices[i], bids[i], asks[i]);
            }
            return new BarValue(instrument, intervalSeconds, startMicros, endMicros, open, high, low, close, volume, trades,
                    bidVolume, askVolume, List.of(footprint), Map.of());
        }

        long startMicros() {
            return startMicros;
        }

        long endMicros() {
            return endMicros;
        }

        long firstTradeMicros() {
            return firstTradeMicros;
        }

        long lastTradeMicros() {
            return lastTradeMicros;
        }
    }

    /** Clock and open base bars; decodes to a state without roll-ups. */
    static final Serde<BarState> OPEN_SERDE = Serdes.serdeFrom(new OpenSerializer(), new OpenDeserializer());
    /** Partial roll-ups; decodes to a state with only roll-ups. */
    static final Serde<BarState> ROLLUP_SERDE = Serdes.serdeFrom(new RollupSerializer(), new RollupDeserializer());

    private static final byte VERSION = 3;

    private static final class OpenSerializer implements Serializer<BarState> {
        @Override
        public byte[] serialize(String topic, BarState state) {
            if (state == null) {
                return null;
            }
            int size = 1 + 8 + 4;
            List<BarValue> bars = new ArrayList<>(state.openBase.size());
            for (OpenBar b : state.openBase.values()) {
                bars.add(b.bar());
                size += 16 + size(bars.get(bars.size() - 1));
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put(VERSION).putLong(state.maxTimeMicros).putInt(state.openBase.size());
            int i = 0;
            for (OpenBar b : state.openBase.values()) {
                out.putLong(b.firstTradeMicros()).putLong(b.lastTradeMicros());
                writeBar(out, bars.get(i++));
            }
            return out.array();
        }
    }

    private static final class OpenDeserializer implements Deserializer<BarState> {
        @Override
        public BarState deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer in = version(data);
            BarState state = new BarState();
            state.maxTimeMicros = in.getLong();
            int n = in.getInt();
            for (int i = 0; i < n; i++) {
                long first = in.getLong();
                long last = in.getLong();
                BarValue b = readBar(in);
                state.openBase.put(b.startMicros(), OpenBar.of(b, first, last));
            }
            return state;
        }
    }

    private static final class RollupSerializer implements Serializer<BarState> {
        @Override
        public byte[] serialize(String topic, BarState state) {
            if (state == null) {
                return null;
            }
            int size = 1 + 4;
            List<BarValue> bars = new ArrayList<>(state.rollups.size());
            for (OpenBar b : state.rollups.values()) {
                bars.add(b.bar());
                size += 4 + size(bars.get(bars.size() - 1));
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put(VERSION).putInt(state.rollups.size());
            int i = 0;
            for (int interval : state.rollups.keySet()) {
                out.putInt(interval);
                writeBar(out, bars.get(i++));
            }
            return out.array();
        }
    }

    private static final class RollupDeserializer implements Deserializer<BarState> {
        @Override
        public BarState deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer in = version(data);
            BarState state = new BarState();
            int n = in.getInt();
            for (int i = 0; i < n; i++) {
                int interval = in.getInt();
                BarValue b = readBar(in);
                // a partial roll-up's trade times are not kept (nor used)
                state.rollups.put(interval, OpenBar.of(b, b.startMicros(), b.startMicros()));
            }
            return state;
        }
    }

    private static ByteBuffer version(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown bar state version " + version);
        }
        return in;
    }

    private static int size(BarValue b) {
        int size = 4 + b.instrument().getBytes(StandardCharsets.UTF_8).length + 4 + 8 * 2 + 8 * 5 + 8 + 8 * 2 + 4
                + 24 * b.footprint().size() + 4;
        for (String k : b.studies().keySet()) {
            size += 4 + k.getBytes(StandardCharsets.UTF_8).length + 8;
        }
        return size;
    }

    private static void writeString(ByteBuffer out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }

    private static String readString(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeBar(ByteBuffer out, BarValue b) {
        writeString(out, b.instrument());
        out.putInt(b.intervalSeconds()).putLong(b.startMicros()).putLong(b.endMicros())
                .putDouble(b.open()).putDouble(b.high()).putDouble(b.low()).putDouble(b.close()).putDouble(b.volume())
                .putLong(b.trades()).putDouble(b.bidVolume()).putDouble(b.askVolume());
        out.putInt(b.footprint().size());
        for (FootprintLevel level : b.footprint()) {
            out.putDouble(level.price()).putDouble(level.bidVolume()).putDouble(level.askVolume());
        }
        Map<String, Double> studies = new TreeMap<>(b.studies());
        out.putInt(studies.size());
        for (Map.Entry<String, Double> e : studies.entrySet()) {
            writeString(out, e.getKey());
            out.putDouble(e.getValue());
        }
    }

    private static BarValue readBar(ByteBuffer in) {
        String instrument = readString(in);
        int interval = in.getInt();
        long start = in.getLong();
        long end = in.getLong();
        double open = in.getDouble();
        double high = in.getDouble();
        double low = in.getDouble();
        double close = in.getDouble();
        double volume = in.getDouble();
        long trades = in.getLong();
        double bid = in.getDouble();
        double ask = in.getDouble();
        int n = in.getInt();
        List<FootprintLevel> footprint = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            footprint.add(new FootprintLevel(in.getDouble(), in.getDouble(), in.getDouble()));
        }
        int k = in.getInt();
        Map<String, Double> studies = new TreeMap<>();
        for (int i = 0; i < k; i++) {
            studies.put(readString(in), in.getDouble());
        }
        return new BarValue(instrument, interval, start, end, open, high, low, close, volume, trades, bid, ask, footprint, studies);
    }
}
