package io.liquidityengine.ingest.it;

import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.reference.AssetClass;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reading the local stack's topics back in broker-backed tests (read_committed, one key at a time). */
final class Broker {

    private Broker() {
    }

    /** A futures instrument on the 0.25 grid with a test-only symbol, so tests sharing the broker keep apart. */
    static InstrumentSpec instrument(String symbol) {
        return new InstrumentSpec(symbol, "test " + symbol, AssetClass.FUTURE, 0.25, new BigDecimal("12.50"), "USD", 1,
                ZoneId.of("America/New_York"), LocalTime.of(18, 0), LocalTime.of(17, 0));
    }

    /** Every committed record of {@code topic} with {@code key}, up to the end offsets at the time of the call. */
    static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(LocalStack stack, Topic<String, V> topic, String key) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                topic.valueSerde(stack.registryConfig()).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = stableEndOffsets(stack, consumer, partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic.name() + " to its end offsets " + end + " within 60 s");
                }
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /**
     * End offsets for a read_committed read. A committed transaction's markers are written just after
     * commitTransaction returns, so right after a run the last stable offset can briefly lag the high
     * watermark: wait up to 5 s for them to agree. A transaction left open by a killed producer keeps
     * them apart until the broker aborts it (transaction.timeout.ms) or the producer's successor fences
     * it; then the last stable offset is the right end: everything committed lies below it.
     */
    private static Map<TopicPartition, Long> stableEndOffsets(LocalStack stack, KafkaConsumer<?, ?> committed,
                                                              List<TopicPartition> partitions) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> uncommitted = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
                Map<TopicPartition, Long> high = uncommitted.endOffsets(partitions);
                if (stable.equals(high) || System.nanoTime() > deadline) {
                    return stable;
                }
            }
        }
    }

    static List<DeadLetter> deadLetters(LocalStack stack, String sourceId) {
        return readAll(stack, Topics.DLQ_INGEST, "ingest." + sourceId).stream().map(ConsumerRecord::value).toList();
    }

    /** Waits (polling the checkpoint topic) until the source's last committed checkpoint has published {@code count} records. */
    static SourceCheckpoint awaitPublished(LocalStack stack, String sourceId, long count, Duration timeout) {
        return awaitPublished(stack, sourceId, count, timeout, null);
    }

    /** As above, failing at once when {@code process} (the service publishing, if any) has exited. */
    static SourceCheckpoint awaitPublished(LocalStack stack, String sourceId, long count, Duration timeout, Process process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SourceCheckpoint last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " before source " + sourceId
                        + " published " + count + " records; last checkpoint " + last);
            }
            List<SourceCheckpoint> all = checkpoints(stack, sourceId);
            last = all.isEmpty() ? null : all.get(all.size() - 1);
            if (last != null && last.getPublished() >= count) {
                return last;
            }
        }
        throw new AssertionError("source " + sourceId + " did not publish " + count + " records within " + timeout
                + "; last checkpoint " + last);
    }

    static List<SourceCheckpoint> checkpoints(LocalStack stack, String sourceId) {
        return readAll(stack, Topics.CONTROL_INGEST_CHECKPOINTS, sourceId).stream().map(ConsumerRecord::value).toList();
    }
}
