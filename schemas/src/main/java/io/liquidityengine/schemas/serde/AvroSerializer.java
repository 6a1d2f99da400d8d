package io.liquidityengine.schemas.serde;

import io.liquidityengine.schemas.registry.RegistryConfig;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a generated Avro record in the Confluent wire format, registering its schema on first use. */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** Writes a record's Avro binary body (the bytes after the wire-format header). */
    @FunctionalInterface
    public interface BodyWriter<T> {
        void write(T value, BinaryEncoder out) throws IOException;
    }

    private final Schema schema;
    private final BodyWriter<T> writer;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);
    private SchemaRegistry registry;
    private boolean isKey;
    private boolean autoRegister = true;
    private volatile String cachedTopic;
    private volatile int cachedId = -1;

    public AvroSerializer(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<T>(schema, model)::write;
    }

    /**
     * A serializer whose body is written by hand-written code instead of Avro's schema-walking writer
     * (for records written at high rates); it must write exactly the bytes the schema prescribes.
     */
    public AvroSerializer(Class<T> type, BodyWriter<T> body) {
        this.schema = SpecificData.getForClass(type).getSchema(type);
        this.writer = body;
    }

    void bind(SchemaRegistry registry, boolean isKey, boolean autoRegister) {
        this.registry = registry;
        this.isKey = isKey;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        bind(SchemaRegistries.forConfig(configs), isKey, RegistryConfig.autoRegister(configs));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer for " + schema.getFullName() + " used before configure()");
        }
        int id = schemaId(topic);
        Buffers b = buffers.get();
        b.out.reset();
        b.out.write(WireFormat.MAGIC);
        b.out.write(id >>> 24);
        b.out.write(id >>> 16);
        b.out.write(id >>> 8);
        b.out.write(id);
        try {
            b.encoder = EncoderFactory.get().directBinaryEncoder(b.out, b.encoder);
            writer.write(data, b.encoder);
            b.encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
        return b.out.toByteArray();
    }

    private int schemaId(String topic) {
        if (topic.equals(cachedTopic)) {
            return cachedId;
        }
        String subject = SchemaRegistry.subjectFor(topic, isKey);
        int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        cachedId = id;
        cachedTopic = topic;
        return id;
    }

    private static final class Buffers {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder;
    }
}
