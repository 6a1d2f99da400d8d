package io.liquidityengine.execution.dtc;

import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerContractTest;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.InstrumentSpec;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The DTC broker passes the broker contract against the project's DTC server on loopback (one server
 * for the class, a trade account and tape per broker). A trade is printed on the broker's tape (matched
 * at the server before {@code print} returns); settling waits for the server's answer to a request sent
 * after everything else, so every order update before it is in the inbox: no sleeps.
 */
class DtcBrokerContractTest extends BrokerContractTest {

    private static DtcLoopback loopback;

    @BeforeAll
    static void startServer() {
        loopback = new DtcLoopback(40);
    }

    @AfterAll
    static void stopServer() {
        loopback.close();
    }

    private record DtcVenue(DtcBroker broker, DtcLoopback.Market market) implements Venue {
        @Override
        public void trade(InstrumentSpec instrument, BigDecimal price, long eventTimeMicros) {
            market.trade(price, eventTimeMicros);
        }

        @Override
        public void settle() {
            broker.roundTrip();
        }

        @Override
        public void close() {
            broker.close();
        }
    }

    private Venue start(DtcLoopback.Market market, BrokerContext context, Optional<BrokerState> state) {
        DtcBroker broker = market.broker(loopback.server.port(), context);
        state.ifPresent(broker::restoreState);
        broker.start();
        broker.reconcile();
        // the sink processes no instruction while the broker holds input: the reconciliation's answers are booked first
        while (broker.holdsInput()) {
            broker.roundTrip();
            context.inbox().drainTo(context.listener());
        }
        return new DtcVenue(broker, market);
    }

    @Override
    protected Venue open(BrokerContext context) {
        return start(loopback.market(), context, Optional.empty());
    }

    /** A restart: the previous broker's session ends, a new broker logs on to the same trade account and restores its state. */
    @Override
    protected Venue reopen(Venue previous, BrokerContext context, Optional<BrokerState> state) {
        DtcVenue before = (DtcVenue) previous;
        before.close();
        return start(before.market(), context, state);
    }

}
