package io.liquidityengine.demo;

import io.liquidityengine.local.TopicRecords;
import io.liquidityengine.schemas.catalog.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

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

    /** The largest record timestamp on a topic (epoch millis), -1 when it is empty. */
    long maxTimestamp(Admin admin, Topic<?, ?> topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < topic.partitions(); p++) {
            request.put(new TopicPartition(topic.name(), p), OffsetSpec.maxTimestamp());
        }
        long max = -1;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(request).all().get().values()) {
            max = Math.max(max, info.timestamp());
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
