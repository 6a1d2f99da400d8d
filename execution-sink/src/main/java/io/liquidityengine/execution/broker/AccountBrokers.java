package io.liquidityengine.execution.broker;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which broker each account trades through, and the making of it: the only thing the sink knows of
 * brokers besides the {@link Broker} interface. The service builds it from configuration
 * ({@code execution.accounts.<id>.broker}, default {@code execution.broker}) and the factories it found.
 */
public final class AccountBrokers {

    /** An account's broker: the factory's name and the settings it makes the broker from. */
    public record Choice(String broker, BrokerSettings settings) {
        public Choice {
            Objects.requireNonNull(broker, "broker");
            Objects.requireNonNull(settings, "settings");
        }
    }

    private final BrokerRegistry registry;
    private final Function<String, Choice> choices;

    public AccountBrokers(BrokerRegistry registry, Function<String, Choice> choices) {
        this.registry = registry;
        this.choices = choices;
    }

    /** Every account through {@code factory} with the same settings. */
    public static AccountBrokers every(BrokerFactory factory, BrokerSettings settings) {
        Choice choice = new Choice(factory.name(), settings);
        return new AccountBrokers(new BrokerRegistry(List.of(factory)), account -> choice);
    }

    public Choice choice(String account) {
        return choices.apply(account);
    }

    /** The start-log line of {@code account}'s broker (see {@link BrokerFactory#describe}). */
    public String describe(String account) {
        Choice choice = choice(account);
        return registry.factory(choice.broker()).describe(choice.settings());
    }

    /** A new broker for {@code account}, wired to the sink's listener and inbox; fails for an unknown broker name or invalid settings. */
    public Broker create(String account, Consumer<BrokerEvent> listener, BrokerInbox inbox) {
        Choice choice = choice(account);
        try {
            return registry.factory(choice.broker()).create(new BrokerContext(account, choice.settings(), listener, inbox));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account " + account + ": " + e.getMessage(), e);
        }
    }
}
