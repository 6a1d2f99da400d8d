package io.liquidityengine.execution.broker;

import java.util.Objects;
import java.util.function.Function;

/**
 * Makes brokers of one kind. The service finds factories with {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/io.liquidityengine.execution.broker.BrokerFactory}) and picks one
 * per account by {@link #name()}: {@code execution.accounts.<id>.broker=<name>}.
 */
public interface BrokerFactory {

    /** The name accounts are configured with ({@code paper}, {@code dtc}, ...): lower case, stable, stored in snapshots. */
    String name();

    /** A new broker for {@code context.account()}; throws {@link IllegalArgumentException} for invalid settings. */
    Broker create(BrokerContext context);

    /** One line for the service's start log: the settings that matter, never credentials. */
    default String describe(BrokerSettings settings) {
        return name() + " broker";
    }

    /**
     * Runs this kind's own order code once, in memory (encoding, ids), before the sink consumes, so the first
     * live order does not pay for loading it; must not connect anywhere. Called once per configured kind.
     */
    default void warmUp() {
    }

    /** A factory from a function, for tests and for wiring a broker by hand. */
    static BrokerFactory of(String name, Function<BrokerContext, Broker> create) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(create, "create");
        return new BrokerFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Broker create(BrokerContext context) {
                return create.apply(context);
            }
        };
    }
}
