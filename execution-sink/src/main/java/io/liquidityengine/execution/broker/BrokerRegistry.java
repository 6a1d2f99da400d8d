package io.liquidityengine.execution.broker;

import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The broker factories a service knows, by name. */
public final class BrokerRegistry {

    private final Map<String, BrokerFactory> factories = new TreeMap<>();

    public BrokerRegistry(Collection<? extends BrokerFactory> factories) {
        for (BrokerFactory f : factories) {
            BrokerFactory before = this.factories.putIfAbsent(f.name(), f);
            if (before != null) {
                throw new IllegalStateException("two broker factories are named '" + f.name() + "': " + before.getClass().getName()
                        + " and " + f.getClass().getName());
            }
        }
    }

    /** The factories listed in {@code META-INF/services/io.liquidityengine.execution.broker.BrokerFactory} on the class path. */
    public static BrokerRegistry load() {
        return new BrokerRegistry(ServiceLoader.load(BrokerFactory.class, BrokerFactory.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public BrokerFactory factory(String name) {
        BrokerFactory f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no broker named '" + name + "' (known: " + String.join(", ", factories.keySet()) + ")");
        }
        return f;
    }

    public Set<String> names() {
        return Set.copyOf(factories.keySet());
    }
}
