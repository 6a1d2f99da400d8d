package io.liquidityengine.topology.stream;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.FootprintLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Stored in two changelogged stores so that the per-tick write stays small: the clock and open
 * base bars ({@link #openPart()}, written on every tick) and the partial roll-ups
 * ({@link #rollupPart()}, written only when a base bar closes). Plain binary codec.
 */
final class BarState {

    long maxTimeMicros = Long.MIN_VALUE;
    /** Open base bars by window start, with the times of their first and last trade (late ticks may arrive out of order). */
    final TreeMap<Long, OpenBar> openBase = new TreeMap<>();
    /** Partial roll-up bar by interval seconds. */
    final TreeMap<Integer, BarValue> rollups = new TreeMap<>();

    record OpenBar(BarValue bar, long firstTradeMicros, long lastTradeMicros) {
    }

    static final Serde<BarState> SERDE = Serdes.serdeFrom(new StateSerializer(), new StateDeserializer());

    private static final byte VERSION = 2;

    private static final class StateSerializer implements Serializer<BarState> {
        @Override
        public byte[] serialize(String topic, BarState state) {
            if (state == null) {
                return null;
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(VERSION);
                out.writeLong(state.maxTimeMicros);
                List<OpenBar> bars = new ArrayList<>(state.openBase.values());
                out.writeInt(bars.size());
                for (OpenBar b : bars) {
                    out.writeLong(b.firstTradeMicros());
                    out.writeLong(b.lastTradeMicros());
                    writeBar(out, b.bar());
                }
                out.writeInt(state.rollups.size());
                for (Map.Entry<Integer, BarValue> e : state.rollups.entrySet()) {
                    out.writeInt(e.getKey());
                    writeBar(out, e.getValue());
                }
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class StateDeserializer implements Deserializer<BarState> {
        @Override
        public BarState deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new IllegalStateException("unknown bar state version " + version);
                }
                BarState state = new BarState();
                state.maxTimeMicros = in.readLong();
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    long first = in.readLong();
                    long last = in.readLong();
                    BarValue b = readBar(in);
                    state.openBase.put(b.startMicros(), new OpenBar(b, first, last));
                }
                int r = in.readInt();
                for (int i = 0; i < r; i++) {
                    int interval = in.readInt();
                    state.rollups.put(interval, readBar(in));
                }
                return state;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void writeBar(DataOutputStream out, BarValue b) throws IOException {
        out.writeUTF(b.instrument());
        out.writeInt(b.intervalSeconds());
        out.writeLong(b.startMicros());
        out.writeLong(b.endMicros());
        out.writeDouble(b.open());
        out.writeDouble(b.high());
        out.writeDouble(b.low());
        out.writeDouble(b.close());
        out.writeDouble(b.volume());
        out.writeLong(b.trades());
        out.writeDouble(b.bidVolume());
        out.writeDouble(b.askVolume());
        out.writeInt(b.footprint().size());
        for (FootprintLevel level : b.footprint()) {
            out.writeDouble(level.price());
            out.writeDouble(level.bidVolume());
            out.writeDouble(level.askVolume());
        }
        Map<String, Double> studies = new TreeMap<>(b.studies());
        out.writeInt(studies.size());
        for (Map.Entry<String, Double> e : studies.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    private static BarValue readBar(DataInputStream in) throws IOException {
        String instrument = in.readUTF();
        int interval = in.readInt();
        long start = in.readLong();
        long end = in.readLong();
        double open = in.readDouble();
        double high = in.readDouble();
        double low = in.readDouble();
        double close = in.readDouble();
        double volume = in.readDouble();
        long trades = in.readLong();
        double bid = in.readDouble();
        double ask = in.readDouble();
        int n = in.readInt();
        List<FootprintLevel> footprint = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            footprint.add(new FootprintLevel(in.readDouble(), in.readDouble(), in.readDouble()));
        }
        int k = in.readInt();
        Map<String, Double> studies = new TreeMap<>();
        for (int i = 0; i < k; i++) {
            studies.put(in.readUTF(), in.readDouble());
        }
        return new BarValue(instrument, interval, start, end, open, high, low, close, volume, trades, bid, ask, footprint, studies);
    }

    /** The open base bars and clock only (written on every tick). */
    BarState openPart() {
        BarState part = new BarState();
        part.maxTimeMicros = maxTimeMicros;
        part.openBase.putAll(openBase);
        return part;
    }

    /** The partial roll-ups only (written when a base bar closes). */
    BarState rollupPart() {
        BarState part = new BarState();
        part.rollups.putAll(rollups);
        return part;
    }
}
