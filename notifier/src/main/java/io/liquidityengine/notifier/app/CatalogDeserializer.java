package io.liquidityengine.notifier.app;

import io.liquidityengine.schemas.catalog.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The catalog's Avro deserializer for whichever topic a record comes from ({@link Topics#byName}),
 * so a channel's {@code value.deserializer} can name one class for every topic it reads. Configured
 * with the registry settings of the channel ({@code schema.registry.url}).
 */
public final class CatalogDeserializer implements Deserializer<SpecificRecord> {

    private final Map<String, Deserializer<? extends SpecificRecord>> byTopic = new ConcurrentHashMap<>();
    private Map<String, ?> configs = Map.of();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.configs = Map.copyOf(configs);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return byTopic.computeIfAbsent(topic, t -> Topics.byName(t).valueSerde(configs).deserializer()).deserialize(topic, data);
    }

    @Override
    public void close() {
        byTopic.values().forEach(Deserializer::close);
    }
}
