package io.liquidityengine.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void shouldTakeKafkaAndRegistrySettingsFromPropertiesAndEnvironmentNames() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", "b1:9092");
        config.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        config.put("SCHEMA_REGISTRY_URL", "https://registry");
        config.put("basic.auth.user.info", "u:p");
        config.put("AUTO_REGISTER_SCHEMAS", "false");
        config.put("kafka.devservices.enabled", "false");
        config.put("quarkus.http.port", "8080");
        config.put("PATH", "/usr/bin");
        config.put("kafkaStreamsThing", "x");

        Map<String, Object> settings = ClientSettings.collect(config.keySet(), k -> Optional.ofNullable(config.get(k)));

        assertThat(settings).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "b1:9092",
                "security.protocol", "SASL_SSL",
                "schema.registry.url", "https://registry",
                "basic.auth.user.info", "u:p",
                "auto.register.schemas", "false"));
        assertThat(ClientSettings.registryOnly(config.keySet(), k -> Optional.ofNullable(config.get(k))))
                .containsOnlyKeys("schema.registry.url", "basic.auth.user.info", "auto.register.schemas");
    }
}
