package io.liquidityengine.execution.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.execution.broker.BrokerFactory;
import io.liquidityengine.execution.dtc.DtcBrokerFactory;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SinkWarmUpTest {

    @Test
    void shouldRunABracketThroughThePaperBrokerAndEachConfiguredKindsWarmUp() {
        AtomicInteger warmed = new AtomicInteger();
        BrokerFactory counting = new BrokerFactory() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public io.liquidityengine.execution.broker.Broker create(io.liquidityengine.execution.broker.BrokerContext context) {
                throw new UnsupportedOperationException("the warm-up must not make brokers of the configured kinds");
            }

            @Override
            public void warmUp() {
                warmed.incrementAndGet();
            }
        };

        SinkWarmUp.Result result = SinkWarmUp.run(List.of(new PaperBrokerFactory(), new DtcBrokerFactory(), counting));

        // accepted entry, its fill, the target's fill and the stop's cancel; the position opened and closed
        assertThat(result.reports()).isEqualTo(4);
        assertThat(result.positions()).isEqualTo(2);
        assertThat(warmed).hasValue(1);
    }
}
