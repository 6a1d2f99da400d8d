package io.liquidityengine.execution.dtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.server.DtcServer;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerContractTest;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.InstrumentSpec;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code matching-clock=sink}: the DTC broker passes the same broker contract against the project's server
 * in {@code matching=external} mode. A trade is printed on the tape (market data; the server matches nothing
 * on it) and handed to the broker's {@code onTrade}, as the sink does; the broker's clock makes the server
 * match through it, and the input stays held until the answer, after the fills, has been drained. The
 * expected events are the paper broker's, unchanged.
 */
class DtcSinkClockContractTest extends BrokerContractTest {

    private static DtcLoopback loopback;

    @BeforeAll
    static void startServer() {
        loopback = new DtcLoopback(40, DtcServer.Matching.EXTERNAL);
    }

    @AfterAll
    static void stopServer() {
        loopback.close();
    }

    private record ClockedVenue(DtcBroker broker, DtcLoopback.Market market, BrokerContext context) implements Venue {
        @Override
        public void trade(InstrumentSpec instrument, BigDecimal price, long eventTimeMicros) {
            market.trade(price, eventTimeMicros);
            assertThat(broker.idle()).as("a clock is never idle: it must know every trade").isFalse();
            broker.onTrade(instrument.symbol(), price, eventTimeMicros);
        }

        /** As the sink: while the input is held, only the inbox is drained (the answer comes after the fills). */
        @Override
        public void settle() {
            while (broker.holdsInput()) {
                context.inbox().drainTo(context.listener(), java.time.Duration.ofSeconds(20));
            }
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
        while (broker.holdsInput()) {
            broker.roundTrip();
            context.inbox().drainTo(context.listener());
        }
        return new ClockedVenue(broker, market, context);
    }

    @Override
    protected Venue open(BrokerContext context) {
        return start(loopback.market(), context, Optional.empty());
    }

    @Override
    protected Venue reopen(Venue previous, BrokerContext context, Optional<BrokerState> state) {
        ClockedVenue before = (ClockedVenue) previous;
        before.close();
        return start(before.market(), context, state);
    }
}
