package io.liquidityengine.topology.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark measures what production runs: the topology's own {@code kafka-streams.*} settings, with their
 * {@code ${...}} placeholders expanded as Quarkus does and the empty ones (a cluster without security) left out.
 * The security placeholders once made every run fail at start.
 */
class BrokerBenchmarkSettingsTest {

    @Test
    void shouldTakeTheTopologysSettingsAndLeaveOutTheEmptySecurityOnes() throws Exception {
        Map<String, String> settings = BrokerBenchmark.productionStreamsSettings();

        assertThat(settings).containsEntry("commit.interval.ms", "100").containsEntry("producer.retry.backoff.ms", "10")
                .doesNotContainKey("processing.guarantee").doesNotContainKey("security.protocol").doesNotContainKey("sasl.jaas.config");
        assertThat(settings.values()).noneMatch(v -> v.contains("${"));
    }

    @Test
    void shouldExpandPlaceholdersFromSystemPropertiesOrTheirDefaults() {
        System.setProperty("bench.test.protocol", "SASL_SSL");
        try {
            assertThat(BrokerBenchmark.expand("${bench.test.protocol:}")).isEqualTo("SASL_SSL");
            assertThat(BrokerBenchmark.expand("x-${bench.test.protocol}-${bench.test.absent:PLAINTEXT}")).isEqualTo("x-SASL_SSL-PLAINTEXT");
            assertThat(BrokerBenchmark.expand("${bench.test.absent:}")).isEmpty();
            assertThatThrownBy(() -> BrokerBenchmark.expand("${bench.test.absent}")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("application.properties: ${bench.test.absent} needs -Dbench.test.absent=...");
        } finally {
            System.clearProperty("bench.test.protocol");
        }
    }
}
