package io.liquidityengine.execution.app;

import io.liquidityengine.schemas.config.ClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Client settings from configuration ({@link ClientSettings}): every {@code kafka.*} property (prefix
 * stripped) plus the registry settings, given as properties or as environment variables
 * ({@code KAFKA_SECURITY_PROTOCOL}, {@code SCHEMA_REGISTRY_URL}, ...).
 */
@ApplicationScoped
public class KafkaSettings {

    public Map<String, Object> clientConfig() {
        Config config = ConfigProvider.getConfig();
        return new HashMap<>(ClientSettings.collect(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class)));
    }
}
