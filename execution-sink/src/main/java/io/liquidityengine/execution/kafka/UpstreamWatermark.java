package io.liquidityengine.execution.kafka;

import io.liquidityengine.schemas.catalog.Topic;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far in event time the stage that writes our orders has got: the risk stage reads its plans and
 * bar clocks in one ordered stream (risk.signals-by-account) and its consumer group commits its offset
 * there in the same transaction as the orders that input produced, so every order from a plan or bar
 * up to the timestamp of the last committed record is already on exec.orders. The sink does not run the market past that point,
 * so in a replay an order is never late against the ticks it should fill on.
 *
 * <p>Partitions the group has never committed (no account lives there) do not hold the watermark back.
 */
final class UpstreamWatermark implements AutoCloseable {

    private static final Duration REFRESH = Duration.ofMillis(200);

    private final String group;
    private final Topic<?, ?> clock;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    /** Per clock partition: (offset, timestamp ms) of records read but not yet known to be committed upstream. */
    private final Map<TopicPartition, ArrayDeque<long[]>> pending = new HashMap<>();
    /** Per clock partition: the latest timestamp (ms) of a record below the upstream committed offset. */
    private final Map<TopicPartition, Long> reached = new HashMap<>();
    private long refreshedAtNanos = Long.MIN_VALUE;
    private long watermarkMicros = Long.MIN_VALUE;

    UpstreamWatermark(Map<String, Object> clientConfig, String group, Topic<?, ?> clock) {
        this.group = group;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.admin = Admin.create(clientConfig);
        this.reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = reader.partitionsFor(clock.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions); // never empty: the catalog gives every topic partitions
        partitions.forEach(tp -> pending.put(tp, new ArrayDeque<>()));
    }

    /** Event time (UTC micros) up to which every upstream order is known; refreshed at most every 200 ms, never blocks long. */
    long micros() {
        long now = System.nanoTime();
        if (refreshedAtNanos != Long.MIN_VALUE && now - refreshedAtNanos < REFRESH.toNanos()) {
            return watermarkMicros;
        }
        refreshedAtNanos = now;
        // tail the clock topic: its records' offsets and timestamps
        for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ZERO)) {
            pending.get(new TopicPartition(r.topic(), r.partition())).add(new long[] {r.offset(), r.timestamp()});
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return watermarkMicros; // no group yet, or the broker is slow: keep the last watermark
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return watermarkMicros;
        }
        long min = Long.MAX_VALUE;
        for (Map.Entry<TopicPartition, ArrayDeque<long[]>> e : pending.entrySet()) {
            OffsetAndMetadata at = committed.get(e.getKey());
            if (at == null) {
                continue; // never committed: no account lives on this partition
            }
            ArrayDeque<long[]> queue = e.getValue();
            while (!queue.isEmpty() && queue.peek()[0] < at.offset()) {
                long ts = queue.poll()[1];
                reached.merge(e.getKey(), ts, Math::max);
            }
            Long ts = reached.get(e.getKey());
            if (ts != null) {
                min = Math.min(min, ts);
            }
        }
        if (min != Long.MAX_VALUE) {
            watermarkMicros = Math.max(watermarkMicros, min * 1_000L);
        }
        return watermarkMicros;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
