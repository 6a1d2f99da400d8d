package io.liquidityengine.execution.paper;

import io.liquidityengine.execution.broker.Broker;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerContractTest;
import io.liquidityengine.execution.broker.InstrumentSpec;
import java.math.BigDecimal;

/** The paper broker, made by its factory with default (frictionless) settings, passes the broker contract. */
class PaperBrokerContractTest extends BrokerContractTest {

    @Override
    protected Venue open(BrokerContext context) {
        PaperBroker broker = new PaperBrokerFactory().create(context);
        broker.start();
        broker.reconcile();
        return new Venue() {
            @Override
            public Broker broker() {
                return broker;
            }

            @Override
            public void trade(InstrumentSpec instrument, BigDecimal price, long eventTimeMicros) {
                broker.onTrade(instrument.symbol(), price, eventTimeMicros);
            }
        };
    }
}
