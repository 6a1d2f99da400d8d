package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * md.ticks values in the Confluent wire format -> {@link Tick}, reading the fields directly when
 * the writer schema (by its registry id) has the same binary layout as {@link Tick}'s own schema
 * (equal parsing canonical form), and through the general resolving deserializer otherwise. A
 * record the direct reader cannot read also goes through the general one, so an undecodable
 * record fails with the same error either way.
 */
final class TickDeserializer implements Deserializer<Tick> {

    private static final long OWN_FINGERPRINT = SchemaNormalization.parsingFingerprint64(Tick.getClassSchema());
    private static final AggressorSide[] SIDES = AggressorSide.values();
    private static final int HEADER_SIZE = 5;

    private final Deserializer<Tick> general;
    private final SchemaRegistry registry;
    private final Map<Integer, Boolean> directById = new ConcurrentHashMap<>();
    private BinaryDecoder decoder;
    /** The writer schema id of the previous record and whether it has Tick's layout (a topic's records share one id). */
    private int lastId = -1;
    private boolean lastDirect;
    /** Strings read before, by their UTF-8 bytes: instruments and sources repeat on every tick. */
    private final Map<Utf8, String> strings = new HashMap<>();
    private final Utf8 scratch = new Utf8();

    TickDeserializer(Map<String, ?> registryConfig) {
        this.general = Topics.MD_TICKS.valueSerde(registryConfig).deserializer();
        this.registry = SchemaRegistries.forConfig(registryConfig);
    }

    @Override
    public Tick deserialize(String topic, byte[] data) {
        if (data != null && data.length > HEADER_SIZE && data[0] == 0) {
            int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
            if (id != lastId) {
                lastDirect = directById.computeIfAbsent(id, this::sameLayout);
                lastId = id;
            }
            if (lastDirect) {
                try {
                    return read(data);
                } catch (IOException | RuntimeException e) {
                    // fall through: the general deserializer reports it
                }
            }
        }
        return general.deserialize(topic, data);
    }

    private boolean sameLayout(int id) {
        try {
            return SchemaNormalization.parsingFingerprint64(registry.schemaById(id)) == OWN_FINGERPRINT;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Tick read(byte[] data) throws IOException {
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(data, HEADER_SIZE, data.length - HEADER_SIZE, decoder);
        decoder = in;
        String instrument = string(in);
        long micros = in.readLong();
        // as Avro's timestamp-micros conversion
        Instant eventTime = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
        double price = in.readDouble();
        double size = in.readDouble();
        AggressorSide aggressor = SIDES[in.readEnum()];
        Double bid = optionalDouble(in);
        Double ask = optionalDouble(in);
        int tradeCount = in.readInt();
        String source = string(in);
        long sourceSequence = in.readLong();
        return new Tick(instrument, eventTime, price, size, aggressor, bid, ask, tradeCount, source, sourceSequence);
    }

    /** A string field: the String read before when the bytes are the same (equal strings, one instance), else a new one. */
    private String string(BinaryDecoder in) throws IOException {
        Utf8 bytes = in.readString(scratch);
        String known = strings.get(bytes);
        if (known == null) {
            known = bytes.toString();
            if (strings.size() >= 1024) {
                strings.clear();
            }
            strings.put(new Utf8(bytes), known);
        }
        return known;
    }

    private static Double optionalDouble(BinaryDecoder in) throws IOException {
        return switch (in.readIndex()) {
            case 0 -> null;
            case 1 -> in.readDouble();
            default -> throw new IOException("bad union branch");
        };
    }
}
