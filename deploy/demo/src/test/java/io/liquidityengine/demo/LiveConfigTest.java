package io.liquidityengine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveConfigTest {

    @TempDir
    Path dir;

    @Test
    void sharedKeysGoToEveryServiceAndServiceKeysToOneWithoutTheirPrefix() throws Exception {
        LiveConfig config = LiveConfig.of(Map.of(
                "kafka.bootstrap.servers", "b1:9092,b2:9092",
                "engine.risk.accounts", "ES-LIVE-1",
                "service.topology.quarkus.http.port", "9083",
                "service.execution-sink.kafka.fetch.max.wait.ms", "5"));
        assertThat(config.of("ingest")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kafka.bootstrap.servers", "b1:9092,b2:9092", "engine.risk.accounts", "ES-LIVE-1"));
        assertThat(config.of("topology")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kafka.bootstrap.servers", "b1:9092,b2:9092", "engine.risk.accounts", "ES-LIVE-1", "quarkus.http.port", "9083"));
        assertThat(config.of("execution-sink")).containsEntry("kafka.fetch.max.wait.ms", "5").hasSize(3);
        assertThatThrownBy(() -> LiveConfig.of(Map.of("service.notifier.x", "1")))
                .hasMessage("'service.notifier.x': service.<name>. needs one of [ingest, topology, execution-sink]");
    }

    @Test
    void theExampleFileSplitsAndEachServicesFileReadsBackToItsPart() throws Exception {
        LiveConfig config = LiveConfig.read(Path.of("../live/local-dtc.properties"));
        assertThat(config.of("ingest")).containsEntry("ingest.sources.es-live.type", "dtc")
                .containsEntry("kafka.bootstrap.servers", "127.0.0.1:9092").hasSize(21);
        for (String service : LiveConfig.SERVICES) {
            Path file = config.write(service, dir);
            Properties back = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                back.load(in);
            }
            assertThat(back).containsExactlyInAnyOrderEntriesOf(config.of(service));
        }
        assertThat(config.of("execution-sink")).containsEntry("execution.brokers.dtc.password-env", "DTC_PASSWORD");
        assertThat(String.join("\n", Files.readAllLines(Path.of("../live/local-dtc.properties")))).doesNotContainIgnoringCase("password=");
    }
}
