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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the committed checkpoint of a source from the compacted {@code control.ingest-checkpoints} topic. */
public final class CheckpointReader {

    private CheckpointReader() {
    }

    /**
     * The last committed checkpoint of {@code sourceId}. Reads (read_committed) up to the high
     * watermark taken at the start, not just to the last stable offset: a transaction of another
     * source still open on the partition holds the stable offset back, and checkpoints committed
     * after it would be missed. Call it after the source's own transactional producer is
     * initialised, so that its previous transaction is complete (markers written) too.
     */
    public static Optional<SourceCheckpoint> read(Map<String, Object> clientConfig, String sourceId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        var topic = Topics.CONTROL_INGEST_CHECKPOINTS;
        Map<TopicPartition, Long> end;
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> uncommitted = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            end = uncommitted.endOffsets(partitions(uncommitted, topic.name()));
        }
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        SourceCheckpoint last = null;
        try (KafkaConsumer<String, SourceCheckpoint> consumer = new KafkaConsumer<>(config,
                topic.keySerde(clientConfig).deserializer(), topic.valueSerde(clientConfig).deserializer())) {
            List<TopicPartition> partitions = List.copyOf(end.keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the position passes aborted records and transaction markers too, so it reaches the high watermark
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

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
