package io.liquidityengine.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void shouldRunThePlanAndOrderPathsWithTheServicesRules() {
        TopologyConfig config = TopologyConfig.defaults(Map.of("schema.registry.url", "http://127.0.0.1:1"));

        WarmUp.Result result = WarmUp.run(config, 24_000);

        // 40 minutes of trades from 10:30 New York: the warm-up rule strategy's plans, each vetted, and the orders of the approved
        assertThat(result.trades()).isEqualTo(24_000);
        assertThat(result.plans()).isEqualTo(10);
        assertThat(result.decisions()).isEqualTo(10);
        assertThat(result.orders()).isEqualTo(10);
        assertThat(result.places()).isEqualTo(3);
    }
}
