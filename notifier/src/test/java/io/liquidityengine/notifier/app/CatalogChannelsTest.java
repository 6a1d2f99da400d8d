package io.liquidityengine.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topics;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The channels of application.properties read catalog topics, with the catalog's deserializer and read_committed. */
class CatalogChannelsTest {

    @Test
    void everyChannelReadsCatalogTopics() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        Map<String, String> topics = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && (name.endsWith(".topic") || name.endsWith(".topics"))) {
                topics.put(name.substring("mp.messaging.incoming.".length(), name.lastIndexOf('.')), p.getProperty(name));
            }
        }

        assertThat(topics).containsExactly(
                Map.entry("dead-letters", String.join(",", Topics.DLQ_INGEST.name(), Topics.DLQ_TOPOLOGY.name(), Topics.DLQ_EXECUTION.name())),
                Map.entry("exec-positions", Topics.EXEC_POSITIONS.name()),
                Map.entry("exec-reports", Topics.EXEC_REPORTS.name()),
                Map.entry("risk-decisions", Topics.RISK_DECISIONS.name()),
                Map.entry("sig-bars", Topics.SIG_BARS.name()),
                Map.entry("sig-bias", Topics.SIG_BIAS.name()),
                Map.entry("sig-plans", Topics.SIG_PLANS.name()));
        topics.values().stream().flatMap(v -> Arrays.stream(v.split(","))).forEach(Topics::byName);
        assertThat(p.getProperty("mp.messaging.connector.smallrye-kafka.isolation.level")).isEqualTo("read_committed");
        topics.keySet().forEach(channel -> assertThat(p.getProperty("mp.messaging.incoming." + channel + ".group.id"))
                .isEqualTo("${notifier.group-id}-" + channel));
        assertThat(p.getProperty("mp.messaging.connector.smallrye-kafka.value.deserializer")).isEqualTo(CatalogDeserializer.class.getName());
    }
}
