package io.liquidityengine.execution.kafka;

import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.execution.sink.SinkState;
import io.liquidityengine.execution.sink.StateCodec;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.ExecutionSinkState;
import io.liquidityengine.schemas.execution.Position;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What a sink session produces, and its transactions: the sink's reports, positions, control commands
 * and dead letters are held until {@link #commit}, which sends them, the state snapshot (when one is
 * given) and the offsets of the records processed in one Kafka transaction.
 */
final class TransactionalOutput implements ExecutionSink.Output {

    private final Map<String, Object> clientConfig;
    private final String sinkId;
    private final String groupId;
    private final KafkaProducer<byte[], byte[]> producer;
    private final MeterRegistry metrics;
    /** Null unless the sink runs in lockstep: it counts what was published per account. */
    private final Lockstep lockstep;
    private final Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
    private final List<ProducerRecord<byte[], byte[]>> pending = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private long sequence;
    private long lastCommitNanos = System.nanoTime();

    TransactionalOutput(Map<String, Object> clientConfig, String sinkId, String groupId, KafkaProducer<byte[], byte[]> producer,
                        MeterRegistry metrics, Lockstep lockstep) {
        this.clientConfig = clientConfig;
        this.sinkId = sinkId;
        this.groupId = groupId;
        this.producer = producer;
        this.metrics = metrics;
        this.lockstep = lockstep;
    }

    /** The sequence of the snapshot restored; the next one committed is one higher. */
    void restoredSequence(long sequence) {
        this.sequence = sequence;
    }

    /** A record processed: its offset + 1 is committed with the next transaction. */
    void processed(String topic, int partition, long offset) {
        processed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset + 1));
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    boolean hasProcessed() {
        return !processed.isEmpty();
    }

    long nanosSinceCommit() {
        return System.nanoTime() - lastCommitNanos;
    }

    /** Queues a record for the next transaction. */
    <V extends SpecificRecord> void add(Topic<String, V> topic, String key, V value, long timestampMillis) {
        pending.add(record(topic, key, value, timestampMillis));
    }

    /** One transaction: outputs, the snapshot when there is one (the state changed), and the processed offsets. */
    void commit(SinkState state) {
        producer.beginTransaction();
        pending.forEach(producer::send);
        pending.clear();
        if (state != null) {
            sequence++;
            ExecutionSinkState snapshot = ExecutionSinkState.newBuilder().setSinkId(sinkId)
                    .setFormatVersion(SinkState.FORMAT_VERSION).setState(StateCodec.encode(state)).setSequence(sequence)
                    .setEventTime(state.lastEventMicros() == Long.MIN_VALUE ? null : Micros.instant(state.lastEventMicros()))
                    .build();
            producer.send(record(Topics.EXEC_SINK_STATE, sinkId, snapshot,
                    state.lastEventMicros() == Long.MIN_VALUE ? System.currentTimeMillis() : state.lastEventMicros() / 1_000));
        }
        if (!processed.isEmpty()) {
            producer.sendOffsetsToTransaction(Map.copyOf(processed), new ConsumerGroupMetadata(groupId));
            processed.clear();
        }
        producer.commitTransaction();
        lastCommitNanos = System.nanoTime();
        metrics.counter("execution.transactions").increment();
    }

    @Override
    public void report(ExecutionReport report) {
        add(Topics.EXEC_REPORTS, report.getAccount(), report, report.getEventTime().toEpochMilli());
        if (lockstep != null) {
            lockstep.reportPublished(report.getAccount());
        }
    }

    @Override
    public void position(Position position) {
        add(Topics.EXEC_POSITIONS, position.getAccount(), position, position.getEventTime().toEpochMilli());
        if (lockstep != null) {
            lockstep.positionPublished(position.getAccount());
        }
    }

    @Override
    public void control(ControlCommand command) {
        add(Topics.CONTROL_COMMANDS, command.getAccount(), command, command.getEventTime().toEpochMilli());
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        long ts = deadLetter.getEventTime() == null ? System.currentTimeMillis() : deadLetter.getEventTime().toEpochMilli();
        add(Topics.DLQ_EXECUTION, deadLetter.getSource(), deadLetter, ts);
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> ProducerRecord<byte[], byte[]> record(Topic<String, V> topic, String key, V value, long timestampMillis) {
        Serializer<SpecificRecord> serializer = serializers.computeIfAbsent(topic.name(),
                n -> (Serializer<SpecificRecord>) (Serializer<?>) topic.valueSerde(clientConfig).serializer());
        return new ProducerRecord<>(topic.name(), null, timestampMillis, key.getBytes(StandardCharsets.UTF_8),
                serializer.serialize(topic.name(), value));
    }
}
