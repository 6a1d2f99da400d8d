package io.liquidityengine.schemas.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MicrometerMetricsReporterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldExportClientMetricsUnderMicrometersKafkaNamesAndRemoveThemOnClose() {
        MicrometerMetricsReporter reporter = new MicrometerMetricsReporter(registry);
        try (org.apache.kafka.common.metrics.Metrics kafka = new org.apache.kafka.common.metrics.Metrics(new MetricConfig(),
                List.of(reporter), Time.SYSTEM)) {
            Sensor sent = kafka.sensor("sent");
            sent.add(kafka.metricName("record-send-total", "producer-metrics", "", Map.of("client-id", "p1")), new CumulativeSum());
            sent.record(2);
            sent.record(3);
            reporter.refreshNow();
            FunctionCounter total = registry.find("kafka.producer.record.send.total").tag("client.id", "p1").functionCounter();
            assertThat(total).isNotNull();
            assertThat(total.count()).isEqualTo(5.0);

            // a metric made later (per-partition lag after an assignment, say) is bound at the next refresh
            Sensor lag = kafka.sensor("lag");
            lag.add(kafka.metricName("records-lag", "consumer-fetch-manager-metrics", "",
                    Map.of("client-id", "c1", "topic", "md.ticks", "partition", "2")), new Value());
            lag.record(42);
            reporter.refreshNow();
            Gauge gauge = registry.find("kafka.consumer.fetch.manager.records.lag").tags("topic", "md.ticks", "partition", "2").gauge();
            assertThat(gauge).isNotNull();
            assertThat(gauge.value()).isEqualTo(42.0);
        }
        assertThat(registry.find("kafka.producer.record.send.total").meters()).isEmpty();
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag").meters()).isEmpty();
    }

    @Test
    @Timeout(60)
    void shouldBeMadeByAClientFromItsConfiguration() {
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(global);
        try {
            // a producer makes its metrics when it is constructed; no broker is needed (nothing is sent)
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                    ProducerConfig.CLIENT_ID_CONFIG, "reporter-test",
                    ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, MicrometerMetricsReporter.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                // the producer's metrics arrive after the reporter's init and are bound by the refresh that follows
                while (global.find("kafka.producer.record.send.total").tag("client.id", "reporter-test").functionCounter() == null) {
                    Thread.onSpinWait();
                }
                assertThat(global.find("kafka.producer.record.send.total").tag("client.id", "reporter-test").functionCounter().count())
                        .isEqualTo(0.0);
            }
            assertThat(global.find("kafka.producer.record.send.total").tag("client.id", "reporter-test").meters()).isEmpty();
        } finally {
            Metrics.globalRegistry.remove(global);
        }
    }
}
