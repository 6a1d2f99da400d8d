package io.liquidityengine.execution.sink;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.Broker;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerInbox;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.MarketData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's brokers, one per account, by account: each made by {@link AccountBrokers} when first needed
 * and, in this order, created, restored (if the snapshot holds its state), started, reconciled and told
 * that the input caught up (if it has); trades handed to those that want them ({@link MarketData}), in
 * account order; their states saved for the snapshot; all closed at the end of a session.
 */
final class SinkBrokers {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionSink.class);

    private record AccountBroker(String name, Broker broker) {
    }

    private final AccountBrokers choices;
    private final Consumer<? super BrokerEvent> listener;
    private final BrokerInbox inbox;
    private final Map<String, AccountBroker> brokers = new TreeMap<>();
    private boolean inputCaughtUp;

    SinkBrokers(AccountBrokers choices, Consumer<? super BrokerEvent> listener, BrokerInbox inbox) {
        this.choices = choices;
        this.listener = listener;
        this.inbox = inbox;
    }

    boolean has(String account) {
        return brokers.containsKey(account);
    }

    /** The account's broker, made on first use; never one that still holds input (the runner asks {@code readyFor} first). */
    Broker forInstruction(String account) {
        AccountBroker b = brokers.containsKey(account) ? brokers.get(account) : open(account, null);
        if (b.broker().holdsInput()) {
            throw new IllegalStateException("the " + b.name() + " broker of account " + account + " is still reconciling: an instruction must"
                    + " wait until readyFor says so");
        }
        return b.broker();
    }

    /** Makes the account's broker if it has none; true when that broker holds input (its reconciliation is still running). */
    boolean makeHolds(String account) {
        AccountBroker b = brokers.containsKey(account) ? brokers.get(account) : open(account, null);
        return b.broker().holdsInput();
    }

    /** True while any broker holds input. */
    boolean holdsInput() {
        for (AccountBroker b : brokers.values()) {
            if (b.broker().holdsInput()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the account's broker (if it has one yet) still holds live orders of the bracket. */
    boolean hasLiveOrders(String account, String bracketId) {
        AccountBroker b = brokers.get(account);
        return b != null && b.broker().hasLiveOrders(bracketId);
    }

    /** Tells every broker (and every one made from now on, after its reconciliation) that the input caught up. */
    void inputCaughtUp() {
        if (inputCaughtUp) {
            return;
        }
        inputCaughtUp = true;
        brokers.values().forEach(b -> b.broker().inputCaughtUp());
    }

    /** Makes, restores (state may be null), starts and reconciles the account's broker. */
    AccountBroker open(String account, BrokerSnapshot state) {
        AccountBrokers.Choice choice = choices.choice(account);
        if (state != null && !state.broker().equals(choice.broker())) {
            throw new IllegalStateException("account " + account + " is configured for the " + choice.broker()
                    + " broker, but the snapshot holds state of its " + state.broker() + " broker (format " + state.formatVersion()
                    + "): configure execution.accounts." + account + ".broker=" + state.broker() + " until its brackets there are closed");
        }
        Broker broker = choices.create(account, listener::accept, inbox);
        try {
            if (state != null) {
                broker.restoreState(state.brokerState());
            }
            broker.start();
            broker.reconcile();
            if (inputCaughtUp) {
                broker.inputCaughtUp();
            }
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        AccountBroker made = new AccountBroker(choice.broker(), broker);
        brokers.put(account, made);
        LOG.info("Account {}: {} broker {}", account, choice.broker(), state == null ? "started" : "restored and started");
        return made;
    }

    /** A trade, to every broker that wants the market and has something working, in account order. */
    void onTrade(String instrument, double price, long timeMicros) {
        BigDecimal exact = null;   // made once, and only when a broker has something working (a backtest's hot path)
        for (AccountBroker b : brokers.values()) {
            if (b.broker() instanceof MarketData market && !market.idle()) {
                if (exact == null) {
                    exact = BigDecimal.valueOf(price);
                }
                market.onTrade(instrument, exact, timeMicros);
            }
        }
    }

    boolean isEmpty() {
        return brokers.isEmpty();
    }

    /** Every broker's state to carry, by account. */
    List<BrokerSnapshot> save() {
        List<BrokerSnapshot> states = new ArrayList<>();
        brokers.forEach((account, b) -> {
            Optional<BrokerState> state = b.broker().saveState();
            state.ifPresent(s -> states.add(BrokerSnapshot.of(account, b.name(), s)));
        });
        return states;
    }

    /** Closes every broker (end of a session). */
    void close() {
        brokers.values().forEach(b -> {
            try {
                b.broker().close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the {} broker failed: {}", b.name(), e.toString());
            }
        });
        brokers.clear();
    }
}
