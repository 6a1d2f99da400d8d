package io.liquidityengine.execution.binance;

import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerInbox;
import io.liquidityengine.execution.broker.BrokerSettings;
import io.liquidityengine.execution.broker.BrokerState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** One Binance broker of a test on a loopback market, with the events it reported as the contract suite writes them. */
final class BinanceHarness implements AutoCloseable {

    final BinanceLoopback.Market market;
    final BinanceBroker broker;
    final List<String> events = new ArrayList<>();
    final List<Duration> pauses = new ArrayList<>();
    private final BrokerInbox inbox = new BrokerInbox();

    /** A broker made, restored from {@code state}, started and reconciled, as the sink does; {@code caughtUp} as after the sink's catch-up. */
    BinanceHarness(BinanceLoopback.Market market, Optional<BrokerState> state, boolean caughtUp) {
        this(market, state, caughtUp, Map.of(), true);
    }

    /** ... with {@code extra} settings; {@code sleep} false: waits are recorded, not made. */
    BinanceHarness(BinanceLoopback.Market market, Optional<BrokerState> state, boolean caughtUp, Map<String, String> extra, boolean sleep) {
        this.market = market;
        Consumer<BrokerEvent> listener = e -> events.add(ContractLines.line(e));
        broker = market.broker(new BrokerContext("ACC-1", BrokerSettings.empty(), listener, inbox), d -> {
            synchronized (pauses) {
                pauses.add(d);
            }
            if (sleep) {
                Thread.sleep(d.toMillis());
            }
        }, extra);
        state.ifPresent(broker::restoreState);
        broker.start();
        broker.reconcile();
        if (caughtUp) {
            broker.inputCaughtUp();
        }
    }

    BinanceHarness call(Consumer<BinanceBroker> call) {
        call.accept(broker);
        return settle();
    }

    BinanceHarness trade(String price, long micros) {
        market.trade(new BigDecimal(price), micros);
        return settle();
    }

    /** Waits for every user data event the simulator sent and drains the inbox as the sink would, until nothing more comes. */
    BinanceHarness settle() {
        do {
            market.settle(broker);
        } while (inbox.drainTo(e -> events.add(ContractLines.line(e))) > 0);
        return this;
    }

    List<String> take() {
        List<String> out = List.copyOf(events);
        events.clear();
        return out;
    }

    @Override
    public void close() {
        broker.close();
    }
}
