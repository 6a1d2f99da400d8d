package io.liquidityengine.local;

import io.liquidityengine.schemas.catalog.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a whole catalog topic as a read_committed consumer would see it: for tests, the demo and tools. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * Every committed record of {@code topic}, partition by partition, up to its end at the time of the
     * call. A committed transaction's markers are written just after commitTransaction returns, so the
     * last stable offset may briefly lag the high watermark: wait up to 5 s for them to agree. A
     * transaction left open by a killed producer keeps them apart until it is aborted or fenced; then the
     * last stable offset is the right end (everything committed lies below it).
     */
    public static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readCommitted(Map<String, ?> clientConfig,
                                                                                        Map<String, ?> registryConfig,
                                                                                        Topic<String, V> topic) {
        return readCommitted(clientConfig, topic.name(), topic.keySerde(registryConfig).deserializer(),
                topic.valueSerde(registryConfig).deserializer());
    }

    /** Every committed record of a topic as it is stored: key and value bytes (for byte-for-byte comparisons). */
    public static List<ConsumerRecord<byte[], byte[]>> readCommittedBytes(Map<String, ?> clientConfig, String topic) {
        return readCommitted(clientConfig, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static <K, V> List<ConsumerRecord<K, V>> readCommitted(Map<String, ?> clientConfig, String topicName,
                                                                    Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions); // never empty: every catalog topic has partitions
            Map<TopicPartition, Long> end = stableEnd(config, consumer, partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topicName + " to its end offsets " + end + " within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static Map<TopicPartition, Long> stableEnd(Map<String, Object> config, KafkaConsumer<?, ?> committed,
                                                       List<TopicPartition> partitions) {
        Map<String, Object> uncommittedConfig = new HashMap<>(config);
        uncommittedConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> uncommitted = new KafkaConsumer<>(uncommittedConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
                if (stable.equals(uncommitted.endOffsets(partitions)) || System.nanoTime() > deadline) {
                    return stable;
                }
            }
        }
    }
}
