package io.liquidityengine.execution.broker;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link BrokerFactory} gets to make one account's broker.
 *
 * @param account  the trading account the broker executes (exec.orders key)
 * @param settings the broker's configuration for this account
 * @param listener where the broker reports events during a call from the sink (sink thread only)
 * @param inbox    where the broker's own threads leave events for the sink (any thread)
 */
public record BrokerContext(String account, BrokerSettings settings, Consumer<BrokerEvent> listener, BrokerInbox inbox) {

    public BrokerContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(inbox, "inbox");
    }
}
