package io.liquidityengine.backtest.input;

import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.schemas.catalog.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * A historical topic as a backtest input: one instrument's records (by key) with timestamps in
 * [from, to), read committed from the offset {@code offsetsForTimes} gives for {@code from} up to
 * the topic's end at open. No consumer group: nothing is committed, the cluster is only read.
 */
public final class TopicSource<V extends SpecificRecord> implements RecordSource {

    private final Map<String, Object> clientConfig;
    private final Map<String, ?> registryConfig;
    private final Topic<String, V> topic;
    private final String instrument;
    private final Instant from;
    private final Instant to;
    private KafkaConsumer<String, V> consumer;
    private Map<TopicPartition, Long> end = Map.of();
    private long read;

    public TopicSource(Map<String, ?> clientConfig, Map<String, ?> registryConfig, Topic<String, V> topic, String instrument, Instant from,
                       Instant to) {
        this.clientConfig = new HashMap<>(clientConfig);
        this.registryConfig = registryConfig;
        this.topic = topic;
        this.instrument = instrument;
        this.from = from;
        this.to = to;
    }

    @Override
    public String id() {
        return topic.name() + ":" + instrument;
    }

    @Override
    public String origin() {
        return topic.name();
    }

    @Override
    public PositionKind positionKind() {
        return PositionKind.RECORD_INDEX;
    }

    @Override
    public void open(long position) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(config, topic.keySerde(registryConfig).deserializer(), topic.valueSerde(registryConfig).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(times, Duration.ofSeconds(30));
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = start.get(p);
            consumer.seek(p, at == null ? end.get(p) : at.offset());
        }
    }

    @Override
    public SourceBatch poll(int maxUnits) {
        List<OutRecord<?>> out = new ArrayList<>();
        long last = Long.MIN_VALUE;
        while (out.isEmpty() && !atEnd()) {
            for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                read++;
                if (instrument.equals(r.key()) && r.timestamp() >= from.toEpochMilli() && r.timestamp() < to.toEpochMilli()) {
                    out.add(new OutRecord<>(topic, r.key(), r.value(), r.timestamp()));
                    last = Math.max(last, r.timestamp() * 1000);
                }
            }
        }
        return new SourceBatch(out, List.of(), read, last, out.isEmpty() && atEnd());
    }

    private boolean atEnd() {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
