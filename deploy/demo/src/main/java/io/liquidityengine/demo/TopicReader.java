package io.liquidityengine.demo;

import io.liquidityengine.local.TopicRecords;
import io.liquidityengine.schemas.catalog.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads whole topics (committed records only) and offsets, for progress lines and the summary. */
final class TopicReader {

    private final Map<String, Object> clientConfig;
    private final Map<String, Object> registryConfig;

    TopicReader(Map<String, Object> clientConfig, Map<String, Object> registryConfig) {
        this.clientConfig = clientConfig;
        this.registryConfig = registryConfig;
    }

    <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        return TopicRecords.readCommitted(clientConfig, registryConfig, topic);
    }

    /** Sum of the committed (last stable) end offsets of a topic: a cheap progress figure. */
    long endOffsets(Admin admin, Topic<?, ?> topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < topic.partitions(); p++) {
            request.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
        }
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(request,
                new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().values()) {
            sum += info.offset();
        }
        return sum;
    }

    /**
     * True when a consumer group has processed every record of a topic: no partition is more than one
     * offset behind its end (a transactional producer's last commit marker takes an offset of its own
     * that a consumer's committed position stops before).
     */
    boolean caughtUp(Admin admin, String group, Topic<?, ?> topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < topic.partitions(); p++) {
            request.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
        }
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request,
                new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long end = e.getValue().offset();
            if (end > 0 && end - (c == null ? 0 : c.offset()) > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The largest timestamp among the last committed records of each partition of a topic (epoch millis),
     * -1 when it is empty. Read from the records themselves: the broker's max-timestamp offset lookup also
     * counts transaction markers, which carry the wall clock, not event time.
     */
    long lastRecordTimestamp(Topic<?, ?> topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        long max = -1;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.name(), p));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(0, end.get(tp) - 20));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    max = Math.max(max, r.timestamp());
                }
            }
        }
        return max;
    }

    /** How far a consumer group is behind the committed end of a topic, summed over partitions. */
    long lag(Admin admin, String group, Topic<?, ?> topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < topic.partitions(); p++) {
            request.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request,
                new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long end = e.getValue().offset();
            // committed positions can sit one past a trailing transaction marker
            lag += Math.max(0, end - (c == null ? 0 : c.offset()));
        }
        return lag;
    }
}
