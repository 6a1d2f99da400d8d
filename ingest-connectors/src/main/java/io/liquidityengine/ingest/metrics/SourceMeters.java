package io.liquidityengine.ingest.metrics;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far each ingest source has published, from its committed checkpoints on
 * control.ingest-checkpoints (so a restarted service reports its sources' positions at once):
 * <pre>
 * ingest_source_position{source,kind}          the checkpoint's next position (record index, line, byte offset ...)
 * ingest_source_event_time_seconds{source}     event time of the last published record, Unix seconds
 * </pre>
 * With {@code ingest_records_published_total{source}}, {@code ingest_dead_letters_total{source,reason}},
 * {@code ingest_dtc_connections_total{source}} (every logon; more than one is a reconnect) and
 * {@code ingest_dtc_unfilled_gaps_total{source}} counted where they happen.
 * Only this service's sources are reported (other deployments share the topic).
 */
public final class SourceMeters {

    private final MeterRegistry registry;
    private final Set<String> sources;
    private final Map<String, AtomicLong> positions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> eventMicros = new ConcurrentHashMap<>();

    public SourceMeters(MeterRegistry registry, Set<String> sources) {
        this.registry = registry;
        this.sources = Set.copyOf(sources);
    }

    public void checkpoint(String sourceId, SourceCheckpoint checkpoint) {
        if (!sources.contains(sourceId)) {
            return;
        }
        positions.computeIfAbsent(sourceId, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("ingest.source.position", value, AtomicLong::get).description("next position of the source's last committed checkpoint")
                    .tag("source", s).tag("kind", checkpoint.getPositionKind().name()).register(registry);
            return value;
        }).set(checkpoint.getNextPosition());
        if (checkpoint.getLastEventTime() != null) {
            eventMicros.computeIfAbsent(sourceId, s -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder("ingest.source.event.time", value, v -> v.get() / 1e6).baseUnit("seconds")
                        .description("event time of the source's last published record, Unix time").tag("source", s).register(registry);
                return value;
            }).set(Micros.of(checkpoint.getLastEventTime()));
        }
    }
}
