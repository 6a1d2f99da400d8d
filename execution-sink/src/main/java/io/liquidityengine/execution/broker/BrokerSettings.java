package io.liquidityengine.execution.broker;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One account's broker configuration: keys without their prefix ({@code slippage-ticks}, {@code host})
 * and their text values, as the service collected them (see the module README for the prefixes and
 * their precedence). {@code origin} names where the keys came from, for error messages. Values are
 * never printed ({@link #toString()} shows the keys only): they may name credentials.
 */
public final class BrokerSettings {

    private final Map<String, String> values;
    private final String origin;

    public BrokerSettings(Map<String, String> values, String origin) {
        this.values = new TreeMap<>(values);
        this.origin = origin;
    }

    public static BrokerSettings empty() {
        return new BrokerSettings(Map.of(), "no settings");
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim);
    }

    public String get(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public String require(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException(key + " is required (" + origin + ")"));
    }

    public int getInt(String key, int defaultValue) {
        Optional<String> v = find(key);
        try {
            return v.isEmpty() ? defaultValue : Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number", v.get());
        }
    }

    public BigDecimal getDecimal(String key, BigDecimal defaultValue) {
        Optional<String> v = find(key);
        try {
            return v.isEmpty() ? defaultValue : new BigDecimal(v.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "a decimal number", v.get());
        }
    }

    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
        Optional<String> v = find(key);
        try {
            return v.isEmpty() ? defaultValue : Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(key, "one of " + java.util.Arrays.toString(type.getEnumConstants()), v.get());
        }
    }

    /** Rejects keys the broker does not know (a misspelt key must not silently fall back to a default). */
    public void allowOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown broker settings " + unknown + " (" + origin + "); known: " + new TreeSet<>(known));
        }
    }

    public Set<String> keys() {
        return Set.copyOf(values.keySet());
    }

    public String origin() {
        return origin;
    }

    private IllegalArgumentException invalid(String key, String expected, String value) {
        return new IllegalArgumentException(key + " must be " + expected + ", was '" + value + "' (" + origin + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerSettings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "BrokerSettings" + values.keySet() + " from " + origin;
    }
}
