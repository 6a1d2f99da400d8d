package io.liquidityengine.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the registry for a configuration: {@code mock://<scope>} gives an in-memory registry
 * shared by every serde configured with the same scope (as Confluent's serdes do), anything else
 * the shared REST client for that URL.
 */
public final class SchemaRegistries {

    public static final String MOCK_SCHEME = "mock://";
    private static final Map<String, InMemorySchemaRegistry> MOCKS = new ConcurrentHashMap<>();

    private SchemaRegistries() {
    }

    public static SchemaRegistry forConfig(Map<String, ?> config) {
        Object url = config.get(RegistryConfig.URL);
        if (url != null && url.toString().startsWith(MOCK_SCHEME)) {
            return MOCKS.computeIfAbsent(url.toString().substring(MOCK_SCHEME.length()), s -> new InMemorySchemaRegistry());
        }
        return RestSchemaRegistry.shared(RegistryConfig.from(config));
    }

    /** Forgets an in-memory registry scope (between tests). */
    public static void dropMock(String scope) {
        MOCKS.remove(scope);
    }
}
