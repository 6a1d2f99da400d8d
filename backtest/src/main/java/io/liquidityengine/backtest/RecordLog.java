package io.liquidityengine.backtest;

import io.liquidityengine.schemas.catalog.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The records of a run kept in memory per topic, in the order they were produced (each topic's
 * order on a one-partition topic), for the report, the summary and the parity tests. Only the
 * topics asked for are kept; every topic is counted.
 */
public final class RecordLog implements ClosedLoop.Records {

    /** One record as it would be on its topic. */
    public record Entry(String key, SpecificRecord value, long timestampMs) {
    }

    private final Set<String> kept;
    private final Map<String, List<Entry>> records = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    /** Keeps the records of {@code topics}; counts every topic. */
    public RecordLog(Set<Topic<String, ?>> topics) {
        this.kept = topics.stream().map(Topic::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public <V extends SpecificRecord> void record(Topic<String, V> topic, String key, V value, long timestampMs) {
        counts.merge(topic.name(), 1L, Long::sum);
        if (kept.contains(topic.name())) {
            records.computeIfAbsent(topic.name(), n -> new ArrayList<>()).add(new Entry(key, value, timestampMs));
        }
    }

    /** The kept records of a topic, in order (empty when none or not kept). */
    public List<Entry> entries(Topic<String, ?> topic) {
        return records.getOrDefault(topic.name(), List.of());
    }

    /** The kept values of a topic, in order. */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> List<V> values(Topic<String, V> topic) {
        return entries(topic).stream().map(e -> (V) e.value()).toList();
    }

    /** How many records went to the topic. */
    public long count(Topic<String, ?> topic) {
        return counts.getOrDefault(topic.name(), 0L);
    }
}
