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
 * clock), the base bars still open (inside their window or grace period) and the partial roll-ups.
 * Kept in two changelogged stores so that the per-tick write stays small: {@link #OPEN_SERDE}
 * writes the clock and the open base bars (on every tick), {@link #ROLLUP_SERDE} the partial
 * roll-ups (only when a base bar closes). Plain binary codec, sized up front.
 */
final class BarState {

    long maxTimeMicros = Long.MIN_VALUE;
    /** Open base bars by window start, with the times of their first and last trade (late ticks may arrive out of order). */
    final TreeMap<Long, OpenBar> openBase = new TreeMap<>();
    /** Partial roll-up bar by interval seconds. */
    final TreeMap<Integer, BarValue> rollups = new TreeMap<>();

    record OpenBar(BarValue bar, long firstTradeMicros, long lastTradeMicros) {
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
            for (OpenBar b : state.openBase.values()) {
                size += 16 + size(b.bar());
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put(VERSION).putLong(state.maxTimeMicros).putInt(state.openBase.size());
            for (OpenBar b : state.openBase.values()) {
                out.putLong(b.firstTradeMicros()).putLong(b.lastTradeMicros());
                writeBar(out, b.bar());
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
                state.openBase.put(b.startMicros(), new OpenBar(b, first, last));
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
            for (BarValue b : state.rollups.values()) {
                size += 4 + size(b);
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put(VERSION).putInt(state.rollups.size());
            for (Map.Entry<Integer, BarValue> e : state.rollups.entrySet()) {
                out.putInt(e.getKey());
                writeBar(out, e.getValue());
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
                state.rollups.put(interval, readBar(in));
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
