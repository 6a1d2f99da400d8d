package io.liquidityengine.execution.app;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.BrokerSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Each account's broker from configuration. An account's broker is {@code execution.accounts.<id>.broker}
 * (default {@code execution.broker}, itself {@code paper} by default); its settings are, later ones
 * winning: the broker's legacy keys (only {@code execution.paper.*}, the paper broker's keys before
 * brokers were configurable, now its defaults), {@code execution.brokers.<broker>.*} (every account of
 * that broker) and {@code execution.accounts.<id>.*} (this account; {@code broker} itself excluded).
 */
public final class BrokerConfiguration implements Function<String, AccountBrokers.Choice> {

    static final String ACCOUNTS = "execution.accounts.";
    static final String BROKERS = "execution.brokers.";
    static final String BROKER_KEY = "broker";
    /** Keys each broker read before it had its own prefix; kept working as that broker's defaults. */
    static final Map<String, String> LEGACY_PREFIXES = Map.of("paper", "execution.paper.");

    private final Map<String, String> properties;
    private final String defaultBroker;

    /** @param properties every {@code execution.*} property, full names, resolved values */
    public BrokerConfiguration(Map<String, String> properties, String defaultBroker) {
        this.properties = new TreeMap<>(properties);
        this.defaultBroker = defaultBroker;
    }

    /** The {@code execution.*} properties of a MicroProfile config (profile-specific names resolved for the active profile). */
    public static BrokerConfiguration from(Config config, String defaultBroker) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String plain = name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
            if (plain.startsWith("execution.")) {
                config.getOptionalValue(plain, String.class).ifPresent(v -> properties.put(plain, v));
            }
        }
        return new BrokerConfiguration(properties, defaultBroker);
    }

    /** The {@code execution.*} keys the sink itself reads (ExecutionConfig). */
    static final java.util.Set<String> SINK_KEYS = java.util.Set.of("execution.sink-id", "execution.accounts", "execution.start-from",
            "execution.max-records-per-transaction", "execution.executed-id-retention", "execution.lockstep", "execution.broker",
            "execution.warm-up");

    /**
     * Fails on an {@code execution.*} key that is neither the sink's own nor under a broker prefix (a misspelt
     * key must not silently leave a default in place); brokers check the keys under their prefixes.
     */
    public void checkKeys() {
        java.util.List<String> unknown = properties.keySet().stream()
                .filter(k -> !SINK_KEYS.contains(k) && !k.startsWith(BROKERS) && !k.startsWith(ACCOUNTS)
                        && LEGACY_PREFIXES.values().stream().noneMatch(k::startsWith))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration keys " + unknown + "; the sink reads " + new java.util.TreeSet<>(SINK_KEYS)
                    + " and broker settings under " + BROKERS + "<broker>.*, " + ACCOUNTS + "<id>.* and " + new java.util.TreeSet<>(LEGACY_PREFIXES.values()));
        }
    }

    @Override
    public AccountBrokers.Choice apply(String account) {
        String accountPrefix = ACCOUNTS + account + ".";
        String broker = Optional.ofNullable(properties.get(accountPrefix + BROKER_KEY)).map(String::trim).orElse(defaultBroker);
        Map<String, String> settings = new LinkedHashMap<>();
        StringBuilder origin = new StringBuilder();
        String legacy = LEGACY_PREFIXES.get(broker);
        if (legacy != null) {
            layer(settings, legacy, origin);
        }
        layer(settings, BROKERS + broker + ".", origin);
        layer(settings, accountPrefix, origin);
        settings.remove(BROKER_KEY);
        return new AccountBrokers.Choice(broker, new BrokerSettings(settings, origin.toString()));
    }

    private void layer(Map<String, String> settings, String prefix, StringBuilder origin) {
        origin.append(origin.length() == 0 ? "" : ", then ").append(prefix).append('*');
        properties.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                settings.put(name.substring(prefix.length()), value);
            }
        });
    }
}
