package io.liquidityengine.execution.kafka;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.marketdata.Tick;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The event-time merge of the sink's inputs (exec.orders and md.ticks): fetched records are decoded and
 * queued per partition, and {@link #peek} names the next one to process by {@link InputRecord}'s order,
 * but only while every input partition either has queued records or is caught up (past the last stable
 * offset it had at start, and nothing left to fetch). So records already on the topics are processed in
 * the same order on every run, whatever the fetch timing. Also pauses partitions whose queues are long.
 */
final class InputMerge {

    private static final int MAX_QUEUED_PER_PARTITION = 20_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final MeterRegistry metrics;
    private final Deserializer<Order> orders;
    private final Deserializer<Tick> ticks;
    private final Map<TopicPartition, ArrayDeque<InputRecord>> queues = new LinkedHashMap<>();
    private final List<TopicPartition> paused = new ArrayList<>();
    /** Last stable offsets at start: everything below them is merged in event time before a partition counts as caught up. */
    private final Map<TopicPartition, Long> startEnd = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    /** Last stable offsets of the inputs, refreshed at most every 200 ms, for partitions the consumer has not fetched yet. */
    private final Map<TopicPartition, Long> knownEnd = new HashMap<>();
    private long knownEndAtNanos = Long.MIN_VALUE;

    InputMerge(KafkaConsumer<byte[], byte[]> consumer, Duration timeout, MeterRegistry metrics, Deserializer<Order> orders, Deserializer<Tick> ticks) {
        this.consumer = consumer;
        this.timeout = timeout;
        this.metrics = metrics;
        this.orders = orders;
        this.ticks = ticks;
    }

    /** The input partitions, once assigned and positioned: their last stable offsets now are the start's. */
    void start(List<TopicPartition> inputs) {
        inputs.forEach(tp -> queues.put(tp, new ArrayDeque<>()));
        // the consumer is read_committed, so these are last stable offsets
        startEnd.putAll(consumer.endOffsets(inputs, timeout));
        positions();
    }

    boolean isInput(TopicPartition tp) {
        return queues.containsKey(tp);
    }

    /** Decodes and queues a fetched input record. */
    InputRecord add(ConsumerRecord<byte[], byte[]> r) {
        InputRecord in = decode(r);
        queues.get(new TopicPartition(r.topic(), r.partition())).add(in);
        return in;
    }

    /** Takes the consumer's fetch positions: not the last record's offset + 1, as they also move past transaction markers. */
    void positions() {
        for (TopicPartition tp : queues.keySet()) {
            nextOffset.put(tp, consumer.position(tp, timeout));
        }
    }

    Map<TopicPartition, Long> nextOffsets() {
        return Map.copyOf(nextOffset);
    }

    /** The next record to process, or null while a partition may still deliver an earlier one (or nothing is queued). */
    InputRecord peek() {
        ArrayDeque<InputRecord> next = null;
        for (Map.Entry<TopicPartition, ArrayDeque<InputRecord>> e : queues.entrySet()) {
            ArrayDeque<InputRecord> queue = e.getValue();
            if (queue.isEmpty()) {
                if (nextOffset.get(e.getKey()) < startEnd.get(e.getKey())) {
                    return null; // records that were already there at start: never skip past them
                }
                if (!caughtUp(e.getKey())) {
                    return null; // records to fetch here may come before everything queued
                }
            } else if (next == null || queue.peek().compareTo(next.peek()) < 0) {
                next = queue;
            }
        }
        return next == null ? null : next.peek();
    }

    /** Removes the record {@link #peek} returned. */
    InputRecord poll(InputRecord head) {
        return queues.get(new TopicPartition(head.record().topic(), head.record().partition())).poll();
    }

    /** Every record that was on an input partition at start has been processed (fetched and not queued any more). */
    boolean processedEverythingOfTheStart() {
        for (Map.Entry<TopicPartition, ArrayDeque<InputRecord>> e : queues.entrySet()) {
            long end = startEnd.getOrDefault(e.getKey(), 0L);
            ArrayDeque<InputRecord> queue = e.getValue();
            long next = queue.isEmpty() ? nextOffset.get(e.getKey()) : queue.peek().record().offset();
            if (next < end) {
                return false;
            }
        }
        return true;
    }

    /** The md.ticks partitions. */
    List<TopicPartition> tickPartitions() {
        return queues.keySet().stream().filter(tp -> tp.topic().equals(Topics.MD_TICKS.name())).toList();
    }

    /** The first queued record of a partition, or null. */
    InputRecord head(TopicPartition tp) {
        return queues.get(tp).peek();
    }

    /** Whether a partition's queue is empty and its fetch position is below {@code end}: records below it still to fetch. */
    boolean unfetchedBelow(TopicPartition tp, long end) {
        return queues.get(tp).isEmpty() && nextOffset.get(tp) < end;
    }

    /** The queues for the progress log. */
    Map<String, String> describe() {
        Map<String, String> heads = new TreeMap<>();
        queues.forEach((tp, q) -> heads.put(tp.toString(), q.size() + (q.isEmpty() ? "" : " from " + q.peek().eventMicros() + " us")
                + " next offset " + nextOffset.get(tp) + " start end " + startEnd.get(tp)));
        return heads;
    }

    /**
     * True when nothing is left to fetch on a partition. The consumer only knows the lag of partitions
     * it has fetched from; for the others (an empty partition, say) ask the broker, at most every 200 ms.
     */
    private boolean caughtUp(TopicPartition tp) {
        OptionalLong lag = consumer.currentLag(tp);
        if (lag.isPresent()) {
            return lag.getAsLong() == 0;
        }
        long now = System.nanoTime();
        if (knownEndAtNanos == Long.MIN_VALUE || now - knownEndAtNanos > 200_000_000L) {
            knownEnd.putAll(consumer.endOffsets(Set.copyOf(queues.keySet()), timeout));
            knownEndAtNanos = now;
        }
        return nextOffset.get(tp) >= knownEnd.getOrDefault(tp, Long.MAX_VALUE);
    }

    private InputRecord decode(ConsumerRecord<byte[], byte[]> r) {
        boolean isTick = r.topic().equals(Topics.MD_TICKS.name());
        int kind = isTick ? InputRecord.TICK : InputRecord.ORDER;
        long fallback = r.timestamp() * 1_000L;
        try {
            if (r.value() == null) {
                return new InputRecord(fallback, kind, r, null, "record without a value (tombstone)");
            }
            if (isTick) {
                Tick tick = ticks.deserialize(r.topic(), r.value());
                return new InputRecord(Micros.of(tick.getEventTime()), kind, r, tick, null);
            }
            Order order = orders.deserialize(r.topic(), r.value());
            return new InputRecord(Micros.of(order.getEventTime()), kind, r, order, null);
        } catch (RuntimeException e) {
            if (isTick) {
                metrics.counter("execution.ticks.undecodable").increment();
            }
            return new InputRecord(fallback, kind, r, null, "cannot decode: " + e.getMessage());
        }
    }

    /** Pauses partitions whose queues are long so one busy partition cannot fill the heap while another is fetched. */
    void flowControl() {
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        queues.forEach((tp, q) -> {
            if (q.size() > MAX_QUEUED_PER_PARTITION && !paused.contains(tp)) {
                pause.add(tp);
            } else if (q.size() < MAX_QUEUED_PER_PARTITION / 2 && paused.contains(tp)) {
                resume.add(tp);
            }
        });
        if (!pause.isEmpty()) {
            consumer.pause(pause);
            paused.addAll(pause);
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
            paused.removeAll(resume);
        }
    }
}
