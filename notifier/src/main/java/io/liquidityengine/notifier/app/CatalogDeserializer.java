package io.liquidityengine.notifier.app;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.config.ClientSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The catalog's Avro deserializer for whichever topic a record comes from ({@link Topics#byName}),
 * so a channel's {@code value.deserializer} can name one class for every topic it reads. Configured
 * with the registry settings of the channel and of the service (URL, basic auth, TLS).
 */
public final class CatalogDeserializer implements Deserializer<SpecificRecord> {

    private final Map<String, Deserializer<? extends SpecificRecord>> byTopic = new ConcurrentHashMap<>();
    private Map<String, ?> configs = Map.of();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.configs = withServiceRegistrySettings(configs);
    }

    /**
     * The channel's settings over the service's registry settings ({@code schema.registry.*}, {@code basic.auth.*} as
     * properties or environment, see {@link ClientSettings}): a channel's consumer config carries only the
     * {@code kafka.*} and connector keys, so basic auth and the registry's trust store would not reach it otherwise.
     */
    static Map<String, Object> withServiceRegistrySettings(Map<String, ?> channel) {
        Config config = ConfigProvider.getConfig();
        Map<String, Object> out = new HashMap<>(ClientSettings.registryOnly(config.getPropertyNames(), n -> config.getOptionalValue(n, String.class)));
        out.putAll(channel);
        return Map.copyOf(out);
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
