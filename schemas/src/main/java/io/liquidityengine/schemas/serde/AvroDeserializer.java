package io.liquidityengine.schemas.serde;

import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a generated Avro class, resolving the writer's schema
 * (fetched by id from the registry) against the class's own schema, so older and newer compatible
 * writers are read correctly.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Schema readerSchema;
    private final SpecificData model;
    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
    private SchemaRegistry registry;

    public AvroDeserializer(Class<T> type) {
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }

    void bind(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        bind(SchemaRegistries.forConfig(configs));
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC) {
            throw new SerializationException("record on " + topic + " is not in the Confluent wire format ("
                    + (data.length < WireFormat.HEADER_SIZE ? data.length + " bytes" : "magic byte " + data[0]) + ")");
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer for " + readerSchema.getFullName() + " used before configure()");
        }
        int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
        SpecificDatumReader<T> reader = readersByWriterId.computeIfAbsent(id,
                i -> new SpecificDatumReader<>(registry.schemaById(i), readerSchema, model));
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, decoders.get());
            decoders.set(decoder);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + readerSchema.getFullName() + " (writer schema id " + id
                    + ") from topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
