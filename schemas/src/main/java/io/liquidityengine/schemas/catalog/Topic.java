package io.liquidityengine.schemas.catalog;

import io.liquidityengine.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the catalog: its name, key and value serdes, partitions and cleanup policy.
 * Build serdes with {@link #keySerde(Map)} and {@link #valueSerde(Map)}, passing the registry
 * settings ({@code schema.registry.url} and friends).
 */
public final class Topic<K, V extends SpecificRecord> {

    public enum Cleanup { DELETE, COMPACT }

    private final String name;
    private final Class<V> valueType;
    private final Supplier<Serde<K>> keySerde;
    private final String keyDescription;
    private final int partitions;
    private final Cleanup cleanup;
    private final Optional<Duration> retention;
    private final String description;

    Topic(String name, Supplier<Serde<K>> keySerde, String keyDescription, Class<V> valueType, int partitions,
          Cleanup cleanup, Optional<Duration> retention, String description) {
        this.name = name;
        this.keySerde = keySerde;
        this.keyDescription = keyDescription;
        this.valueType = valueType;
        this.partitions = partitions;
        this.cleanup = cleanup;
        this.retention = retention;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public Class<V> valueType() {
        return valueType;
    }

    public String keyDescription() {
        return keyDescription;
    }

    public int partitions() {
        return partitions;
    }

    public Cleanup cleanup() {
        return cleanup;
    }

    /** Retention of a DELETE topic; empty means kept forever. */
    public Optional<Duration> retention() {
        return retention;
    }

    public String description() {
        return description;
    }

    /** A fresh key serde, configured for keys. */
    public Serde<K> keySerde(Map<String, ?> registryConfig) {
        Serde<K> serde = keySerde.get();
        serde.configure(registryConfig, true);
        return serde;
    }

    /** A fresh value serde bound to the registry in {@code registryConfig}. */
    public Serde<V> valueSerde(Map<String, ?> registryConfig) {
        AvroSerde<V> serde = new AvroSerde<>(valueType);
        serde.configure(registryConfig, false);
        return serde;
    }

    /** Topic-level configuration for {@code NewTopic#configs}. */
    public Map<String, String> topicConfigs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup == Cleanup.COMPACT ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        if (cleanup == Cleanup.DELETE) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.map(Duration::toMillis).orElse(-1L)));
        }
        return configs;
    }

    @Override
    public String toString() {
        return name;
    }
}
