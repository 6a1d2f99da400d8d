package io.liquidityengine.topology.stream;

import java.io.File;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The context a stage's processor gets when {@link DirectTopology} runs it in the calling thread:
 * its stores by name, and every {@code forward} handed to a router by child name. What the stages
 * do not use (punctuation, serdes, a state directory) is refused. Dead letters are counted in
 * Kafka metrics sensors like in Kafka Streams.
 */
final class DirectContext<V> implements ProcessorContext<String, V> {

    private static final TaskId TASK = new TaskId(0, 0);

    private final Map<String, StateStore> stores = new HashMap<>();
    private final BiConsumer<String, Record<String, Object>> router;
    private final StreamsMetrics metrics;
    private long streamTimeMs = Long.MIN_VALUE;
    private RecordMetadata origin;
    private Runnable onCommit = () -> { };

    DirectContext(Metrics metrics, BiConsumer<String, Record<String, Object>> router) {
        this.router = router;
        this.metrics = new SensorsOnly(metrics);
    }

    /** Told when the stage requests a commit (nothing is committed here; tests check the requests). */
    DirectContext<V> onCommit(Runnable listener) {
        this.onCommit = listener;
        return this;
    }

    DirectContext<V> store(String name, StateStore store) {
        stores.put(name, store);
        return this;
    }

    /** The stream time the stage would see: the largest record timestamp handed to it so far. */
    void seen(long timestampMs) {
        streamTimeMs = Math.max(streamTimeMs, timestampMs);
    }

    /** Where the record handed in next came from (dead letters name it), or null when unknown. */
    void origin(RecordMetadata metadata) {
        this.origin = metadata;
    }

    @Override
    public <K extends String, R extends V> void forward(Record<K, R> record) {
        throw new UnsupportedOperationException("the engine's stages forward to named children only");
    }

    @SuppressWarnings("unchecked")
    @Override
    public <K extends String, R extends V> void forward(Record<K, R> record, String childName) {
        router.accept(childName, (Record<String, Object>) (Record<?, ?>) record);
    }

    @Override
    public String applicationId() {
        return "direct";
    }

    @Override
    public TaskId taskId() {
        return TASK;
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return Optional.ofNullable(origin);
    }

    @Override
    public Serde<?> keySerde() {
        throw new UnsupportedOperationException("no default serdes outside Kafka Streams");
    }

    @Override
    public Serde<?> valueSerde() {
        throw new UnsupportedOperationException("no default serdes outside Kafka Streams");
    }

    @Override
    public File stateDir() {
        throw new UnsupportedOperationException("no state directory outside Kafka Streams");
    }

    @Override
    public StreamsMetrics metrics() {
        return metrics;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <S extends StateStore> S getStateStore(String name) {
        StateStore store = stores.get(name);
        if (store == null) {
            throw new IllegalArgumentException("no store " + name);
        }
        return (S) store;
    }

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
        throw new UnsupportedOperationException("the engine's stages do not punctuate");
    }

    @Override
    public void commit() {
        onCommit.run();
    }

    @Override
    public Map<String, Object> appConfigs() {
        return Map.of();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        return Map.of();
    }

    @Override
    public long currentSystemTimeMs() {
        return streamTimeMs;
    }

    @Override
    public long currentStreamTimeMs() {
        return streamTimeMs;
    }

    /** A record's topic, partition and offset. */
    record Origin(String topic, int partition, long offset) implements RecordMetadata {
    }

    /** The sensors the stages add (dead-letter counts), on a plain Kafka metrics registry. */
    private record SensorsOnly(Metrics registry) implements StreamsMetrics {

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return registry.metrics();
        }

        @Override
        public Sensor addRateTotalSensor(String scopeName, String entityName, String operationName, Sensor.RecordingLevel level,
                                         String... tags) {
            Sensor sensor = registry.getSensor(entityName);
            if (sensor != null) {
                return sensor;
            }
            sensor = registry.sensor(entityName, level);
            Map<String, String> tagMap = new HashMap<>();
            for (int i = 0; i + 1 < tags.length; i += 2) {
                tagMap.put(tags[i], tags[i + 1]);
            }
            sensor.add(registry.metricName(operationName + "-total", scopeName, "", tagMap), new CumulativeCount());
            return sensor;
        }

        @Override
        public Sensor addLatencyRateTotalSensor(String scopeName, String entityName, String operationName, Sensor.RecordingLevel level,
                                                String... tags) {
            throw new UnsupportedOperationException("the engine's stages add rate-total sensors only");
        }

        @Override
        public Sensor addSensor(String name, Sensor.RecordingLevel level) {
            return registry.sensor(name, level);
        }

        @Override
        public Sensor addSensor(String name, Sensor.RecordingLevel level, Sensor... parents) {
            return registry.sensor(name, level, parents);
        }

        @Override
        public void removeSensor(Sensor sensor) {
            registry.removeSensor(sensor.name());
        }
    }
}
