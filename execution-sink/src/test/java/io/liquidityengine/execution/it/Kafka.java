package io.liquidityengine.execution.it;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Producing inputs to and reading outputs back from the local stack (read_committed, one key at a time). */
final class Kafka {

    private Kafka() {
    }

    static void instruments(LocalStack stack, Instrument... instruments) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(stack)) {
            for (Instrument i : instruments) {
                send(producer, stack, Topics.REF_INSTRUMENTS, i.getSymbol(), i, 0L);
            }
            producer.flush();
        }
    }

    /** Orders and ticks in the given order (orders keyed by account, ticks by instrument, timestamps = event time). */
    static void inputs(LocalStack stack, List<? extends SpecificRecord> inputs) {
        try (KafkaProducer<byte[], byte[]> producer = producer(stack)) {
            for (SpecificRecord in : inputs) {
                if (in instanceof Order o) {
                    send(producer, stack, Topics.EXEC_ORDERS, o.getAccount(), o, o.getEventTime().toEpochMilli());
                } else {
                    Tick t = (Tick) in;
                    send(producer, stack, Topics.MD_TICKS, t.getInstrument(), t, t.getEventTime().toEpochMilli());
                }
            }
            producer.flush();
        }
    }

    static void raw(LocalStack stack, Topic<String, ?> topic, String key, byte[] value, long timestamp) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(stack)) {
            producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalStack stack) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static <V extends SpecificRecord> void send(KafkaProducer<byte[], byte[]> producer, LocalStack stack, Topic<String, V> topic,
                                                        String key, V value, long timestamp) {
        byte[] bytes = topic.valueSerde(stack.registryConfig()).serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key.getBytes(StandardCharsets.UTF_8), bytes));
    }

    /** Every committed record of {@code topic} with {@code key}, up to the end offsets at the time of the call. */
    static <V extends SpecificRecord> List<V> readAll(LocalStack stack, Topic<String, V> topic, String key) {
        return stack.readCommitted(topic).stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /**
     * Commits the current end offsets of exec.orders and md.ticks for {@code groupId}, so a sink started afterwards
     * only sees the inputs produced after this call: tests sharing the broker do not see each other's orders
     * (whose event times would otherwise interleave out of order within a partition).
     */
    static void startAtEnd(LocalStack stack, String groupId) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = stack.admin()) {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (var d : admin.describeTopics(List.of(Topics.EXEC_ORDERS.name(), Topics.MD_TICKS.name())).allTopicNames().get().values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
            }
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> offsets.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(groupId, offsets).all().get();
        }
    }

    /**
     * Blocks until a committed record of {@code topic} with {@code key} matches {@code condition}, reading from the beginning
     * with long polls (the broker holds each fetch until data arrives), failing after {@code timeout}.
     */
    static <V extends SpecificRecord> V awaitRecord(LocalStack stack, Topic<String, V> topic, String key, java.util.function.Predicate<V> condition,
                                                    Duration timeout) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                topic.valueSerde(stack.registryConfig()).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && condition.test(r.value())) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError("no record on " + topic.name() + " with key " + key + " matched within " + timeout);
    }

    /**
     * Blocks until the crash tests' bracket {@code bracketId} is through: its last leg's target CANCELLED, the report that
     * follows the leg's stop fill (the venue reports the cancel on its own, so the sink may commit it in a later transaction
     * than the fill; read_committed shows a record only with every earlier one of its partition), and its position CLOSED.
     * Waiting for the stop's fill alone let a test read exec.reports one report short.
     */
    static void awaitBracketClosed(LocalStack stack, String account, String bracketId, Duration timeout) {
        String leg = bracketId + "-L2";
        awaitRecord(stack, Topics.EXEC_REPORTS, account, r -> r.getBracketId().equals(bracketId) && r.getExecType() == ExecType.CANCELLED
                && r.getRole() == OrderRole.TARGET && leg.equals(r.getLegId()), timeout);
        awaitRecord(stack, Topics.EXEC_POSITIONS, account, p -> p.getPositionId().equals(bracketId) && p.getStatus() == PositionStatus.CLOSED,
                timeout);
    }

    /** Waits for {@code condition}, re-checking as fast as it answers, failing after {@code timeout}. */
    static void await(String what, Duration timeout, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.onSpinWait(); // checks block on the broker (long polls), so this loop does not spin
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }
}
