package io.liquidityengine.ingest.publish;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads the committed checkpoint of a source from the compacted {@code control.ingest-checkpoints} topic. */
public final class CheckpointReader {

    private CheckpointReader() {
    }

    public static Optional<SourceCheckpoint> read(Map<String, Object> clientConfig, String sourceId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        var topic = Topics.CONTROL_INGEST_CHECKPOINTS;
        SourceCheckpoint last = null;
        try (KafkaConsumer<String, SourceCheckpoint> consumer = new KafkaConsumer<>(config,
                topic.keySerde(clientConfig).deserializer(), topic.valueSerde(clientConfig).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed end offsets = last stable offsets: everything committed is below them
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, SourceCheckpoint> r : consumer.poll(Duration.ofMillis(200))) {
                    if (sourceId.equals(r.key())) {
                        last = r.value();
                    }
                }
            }
        }
        return Optional.ofNullable(last);
    }
}
