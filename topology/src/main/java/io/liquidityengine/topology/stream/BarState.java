package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.topology.domain.bars.BarValue;
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
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Per-instrument state of the bar stage: the latest tick time seen (the instrument's own event-time
 * clock), the base bars still open (inside their window or grace period) and the partial roll-ups.
 * Stored in a changelogged store; bars are encoded as plain Avro binary of the {@code Bar} contract.
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

    private static final byte VERSION = 1;
    private static final SpecificDatumWriter<Bar> WRITER = new SpecificDatumWriter<>(Bar.class);
    private static final SpecificDatumReader<Bar> READER = new SpecificDatumReader<>(Bar.class);

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
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        WRITER.write(AvroMapping.bar(b, BarSource.TICKS), encoder);
        encoder.flush();
        out.writeInt(buffer.size());
        buffer.writeTo(out);
    }

    private static BarValue readBar(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        return AvroMapping.barValue(READER.read(null, decoder));
    }
}
