package io.liquidityengine.execution.kafka;

import io.liquidityengine.schemas.catalog.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic from the beginning to its last stable offsets (read_committed), handing
 * every record to a callback (strict: an undecodable record is an error; otherwise it is skipped); used for ref.instruments and exec.sink-state at start.
 */
final class Tables {

    private static final Logger LOG = LoggerFactory.getLogger(Tables.class);

    private Tables() {
    }

    /** @return the end offsets read up to, where a consumer following the topic continues */
    static <V extends SpecificRecord> Map<TopicPartition, Long> readToEnd(Map<String, Object> clientConfig, Topic<String, V> topic,
                                                                          Duration timeout, boolean strict,
                                                                          BiConsumer<String, V> each) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Deserializer<V> values = topic.valueSerde(clientConfig).deserializer();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed end offsets are the last stable offsets: every committed record lies below them
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end offsets " + end + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
                    try {
                        each.accept(key, r.value() == null ? null : values.deserialize(topic.name(), r.value()));
                    } catch (RuntimeException e) {
                        if (strict) {
                            throw new IllegalStateException("cannot read " + r.topic() + "-" + r.partition() + " offset " + r.offset()
                                    + ": " + e.getMessage(), e);
                        }
                        LOG.warn("Skipping {}-{} offset {}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
            return end;
        }
    }
}
