package io.liquidityengine.schemas.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Collects Kafka client and schema registry settings from a service's configuration, whether they
 * were given as properties ({@code kafka.security.protocol}) or as environment variables
 * ({@code KAFKA_SECURITY_PROTOCOL}):
 * <ul>
 *   <li>{@code kafka.<client setting>} / {@code KAFKA_<CLIENT_SETTING>}: passed to the Kafka clients without the prefix;</li>
 *   <li>{@code schema.registry.*}, {@code basic.auth.*}, {@code auto.register.schemas} (and their
 *       upper-case forms): passed to the serdes as they are.</li>
 * </ul>
 * Kafka and registry setting names only use dots, so an environment name maps back unambiguously.
 */
public final class ClientSettings {

    private ClientSettings() {
    }

    /**
     * @param names  every configuration property name the service sees (properties and environment)
     * @param lookup value of a name as given
     * @return client settings (Kafka and registry) in one map
     */
    public static Map<String, Object> collect(Iterable<String> names, Function<String, Optional<String>> lookup) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : names) {
            String dotted = name.contains(".") ? name : name.toLowerCase(Locale.ROOT).replace('_', '.');
            if (!dotted.equals(name) && !name.equals(name.toUpperCase(Locale.ROOT))) {
                continue; // mixed-case names without dots are not ours
            }
            boolean kafka = dotted.startsWith("kafka.") && !dotted.startsWith("kafka.devservices") && !dotted.startsWith("kafka.health")
                    && !dotted.startsWith("kafka.streams");
            if (!kafka && !isRegistrySetting(dotted)) {
                continue; // only look up our own names: others may hold expressions we cannot resolve
            }
            Optional<String> value = lookup.apply(name);
            if (value.isPresent()) {
                out.put(kafka ? dotted.substring("kafka.".length()) : dotted, value.get());
            }
        }
        return out;
    }

    /** Only the registry settings of {@link #collect}. */
    public static Map<String, Object> registryOnly(Iterable<String> names, Function<String, Optional<String>> lookup) {
        Map<String, Object> all = collect(names, lookup);
        all.keySet().removeIf(k -> !isRegistrySetting(k));
        return all;
    }

    private static boolean isRegistrySetting(String dotted) {
        return dotted.startsWith("schema.registry.") || dotted.startsWith("basic.auth.") || dotted.equals("auto.register.schemas");
    }
}
