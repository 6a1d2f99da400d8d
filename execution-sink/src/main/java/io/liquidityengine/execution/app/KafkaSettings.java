package io.liquidityengine.execution.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Client settings from configuration: every {@code kafka.*} property (prefix stripped) plus the
 * registry settings ({@code schema.registry.*}, {@code basic.auth.*}). Environment variables map as
 * usual: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}.
 */
@ApplicationScoped
public class KafkaSettings {

    public Map<String, Object> clientConfig() {
        Config config = ConfigProvider.getConfig();
        Map<String, Object> out = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices") && !name.startsWith("kafka.health")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> out.put(name.substring("kafka.".length()), v));
            } else if (name.startsWith("schema.registry.") || name.startsWith("basic.auth.")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> out.put(name, v));
            }
        }
        return out;
    }
}
