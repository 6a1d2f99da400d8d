package io.liquidityengine.execution.binance;

import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerContractTest;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.InstrumentSpec;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Binance broker passes the broker contract against the exchange simulator's Binance spot on loopback
 * (one simulator for the class, an account and symbol per broker). A trade is printed at the simulator
 * (matched and its user data events sent before {@code printTrade} returns); settling waits until the
 * broker has received as many user data events as the simulator sent its listen key: no sleeps.
 */
class BinanceBrokerContractTest extends BrokerContractTest {

    private static BinanceLoopback loopback;

    @BeforeAll
    static void startSimulator() {
        loopback = new BinanceLoopback();
    }

    @AfterAll
    static void stopSimulator() {
        loopback.close();
    }

    private record BinanceVenue(BinanceBroker broker, BinanceLoopback.Market market) implements Venue {
        @Override
        public void trade(InstrumentSpec instrument, BigDecimal price, long eventTimeMicros) {
            market.trade(price, eventTimeMicros);
        }

        @Override
        public void settle() {
            market.settle(broker);
        }

        @Override
        public void close() {
            broker.close();
        }
    }

    private Venue start(BinanceLoopback.Market market, BrokerContext context, Optional<BrokerState> state) {
        BinanceBroker broker = market.broker(context, d -> Thread.sleep(d.toMillis()));
        state.ifPresent(broker::restoreState);
        broker.start();
        broker.reconcile();
        broker.inputCaughtUp();
        return new BinanceVenue(broker, market);
    }

    @Override
    protected Venue open(BrokerContext context) {
        return start(loopback.market(), context, Optional.empty());
    }

    /** A restart: the previous broker's stream ends, a new broker opens one for the same account and restores its state. */
    @Override
    protected Venue reopen(Venue previous, BrokerContext context, Optional<BrokerState> state) {
        BinanceVenue before = (BinanceVenue) previous;
        before.close();
        return start(before.market(), context, state);
    }
}
