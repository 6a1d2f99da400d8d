package io.liquidityengine.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the registry client, read from the same keys Confluent's clients use so existing
 * configuration carries over:
 * <pre>
 * schema.registry.url                            comma-separated base URLs, tried in order
 * basic.auth.credentials.source                   USER_INFO (the only source supported)
 * basic.auth.user.info                            user:password
 * schema.registry.ssl.truststore.location/.password/.type
 * schema.registry.ssl.keystore.location/.password/.type   (mutual TLS)
 * schema.registry.retry.max.ms                    how long to keep retrying an unreachable registry (60000)
 * schema.registry.retry.backoff.ms                first backoff, doubled up to 5 s (200)
 * schema.registry.request.timeout.ms              per request (10000)
 * auto.register.schemas                           register on first write (true) or only look up
 * </pre>
 * Credentials are never included in {@link #toString()}.
 */
public record RegistryConfig(
        List<URI> urls,
        Optional<String> userInfo,
        Optional<Tls> tls,
        Duration retryFor,
        Duration initialBackoff,
        Duration requestTimeout,
        boolean autoRegister) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String RETRY_MAX_MS = "schema.registry.retry.max.ms";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String AUTO_REGISTER = "auto.register.schemas";

    /** Whether serializers configured with {@code config} register their schemas (anything but "false") or only look them up. */
    public static boolean autoRegister(Map<String, ?> config) {
        return !"false".equalsIgnoreCase(String.valueOf(config.get(AUTO_REGISTER)));
    }

    /** Key and trust stores for HTTPS; passwords are kept out of {@link #toString()}. */
    public record Tls(Optional<String> truststore, Optional<String> truststorePassword, String truststoreType,
                      Optional<String> keystore, Optional<String> keystorePassword, String keystoreType) {
        @Override
        public String toString() {
            return "Tls[truststore=" + truststore.orElse("-") + ", keystore=" + keystore.orElse("-") + "]";
        }
    }

    public RegistryConfig {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL + " must name at least one registry URL");
        }
    }

    public static RegistryConfig of(String url) {
        return from(Map.of(URL, url));
    }

    /** Reads the settings from Kafka-style configuration; fails with the key's name when one is wrong. */
    public static RegistryConfig from(Map<String, ?> config) {
        String rawUrls = string(config, URL).orElseThrow(
                () -> new IllegalArgumentException("missing " + URL + " (the schema registry base URL)"));
        List<URI> urls = new ArrayList<>();
        for (String u : rawUrls.split(",")) {
            String trimmed = u.trim();
            if (!trimmed.isEmpty()) {
                urls.add(URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
            }
        }
        Optional<String> source = string(config, CREDENTIALS_SOURCE);
        if (source.isPresent() && !source.get().equalsIgnoreCase("USER_INFO")) {
            throw new IllegalArgumentException(CREDENTIALS_SOURCE + "=" + source.get() + " is not supported; use USER_INFO");
        }
        Optional<String> userInfo = string(config, USER_INFO).filter(s -> !s.isBlank());
        Optional<String> truststore = string(config, TRUSTSTORE_LOCATION);
        Optional<String> keystore = string(config, KEYSTORE_LOCATION);
        Optional<Tls> tls = truststore.isPresent() || keystore.isPresent()
                ? Optional.of(new Tls(truststore, string(config, TRUSTSTORE_PASSWORD),
                        string(config, TRUSTSTORE_TYPE).orElse("PKCS12"),
                        keystore, string(config, KEYSTORE_PASSWORD), string(config, KEYSTORE_TYPE).orElse("PKCS12")))
                : Optional.empty();
        return new RegistryConfig(List.copyOf(urls), userInfo, tls,
                Duration.ofMillis(number(config, RETRY_MAX_MS, 60_000)),
                Duration.ofMillis(number(config, RETRY_BACKOFF_MS, 200)),
                Duration.ofMillis(number(config, REQUEST_TIMEOUT_MS, 10_000)),
                Boolean.parseBoolean(string(config, AUTO_REGISTER).orElse("true")));
    }

    private static Optional<String> string(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof org.apache.kafka.common.config.types.Password p) {
            return Optional.of(p.value());
        }
        return Optional.of(v.toString());
    }

    private static long number(Map<String, ?> config, String key, long fallback) {
        Optional<String> v = string(config, key);
        try {
            return v.map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds, got '" + v.get() + "'");
        }
    }

    /** Identity of the client for sharing caches: same URLs and credentials, same client. */
    String cacheKey() {
        return urls + "|" + Objects.hashCode(userInfo.orElse(null)) + "|" + tls;
    }

    @Override
    public String toString() {
        return "RegistryConfig[urls=" + urls + ", basicAuth=" + userInfo.isPresent() + ", tls=" + tls.orElse(null)
                + ", retryFor=" + retryFor + ", autoRegister=" + autoRegister + "]";
    }
}
