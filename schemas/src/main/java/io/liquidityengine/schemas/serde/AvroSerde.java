package io.liquidityengine.schemas.serde;

import io.liquidityengine.schemas.registry.RegistryConfig;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for a generated Avro class in the Confluent wire format: byte 0, the schema id as a 4-byte
 * big-endian int, then the Avro binary encoding. Schemas are registered under
 * {@code <topic>-value} or {@code <topic>-key}.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(Class<T> type) {
        this.serializer = new AvroSerializer<>(type);
        this.deserializer = new AvroDeserializer<>(type);
    }

    /** A serde already bound to a registry (tests, benchmarks); {@link #configure} is then optional. */
    public AvroSerde(Class<T> type, SchemaRegistry registry, boolean isKey) {
        this(type);
        serializer.bind(registry, isKey, true);
        deserializer.bind(registry);
    }

    /** A configured value serde for the registry at {@code registryUrl}. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type, Map<String, ?> registryConfig) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(registryConfig, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistry registry = SchemaRegistries.forConfig(configs);
        serializer.bind(registry, isKey, RegistryConfig.autoRegister(configs));
        deserializer.bind(registry);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
