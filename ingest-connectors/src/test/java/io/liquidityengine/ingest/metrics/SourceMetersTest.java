package io.liquidityengine.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SourceMeters meters = new SourceMeters(registry, Set.of("es-ticks", "es-deltas"));

    @Test
    void shouldReportEachConfiguredSourcesLastCheckpoint() {
        meters.checkpoint("es-ticks", checkpoint("es-ticks", 5_000, PositionKind.RECORD_INDEX, Instant.parse("2024-12-05T14:31:00.250Z")));
        meters.checkpoint("es-ticks", checkpoint("es-ticks", 10_000, PositionKind.RECORD_INDEX, Instant.parse("2024-12-05T14:32:00.500Z")));
        meters.checkpoint("es-deltas", checkpoint("es-deltas", 17, PositionKind.LINE, null));

        assertThat(registry.get("ingest.source.position").tags("source", "es-ticks", "kind", "RECORD_INDEX").gauge().value())
                .isEqualTo(10_000.0);
        assertThat(registry.get("ingest.source.event.time").tag("source", "es-ticks").gauge().value()).isEqualTo(1733409120.5);
        assertThat(registry.get("ingest.source.position").tags("source", "es-deltas", "kind", "LINE").gauge().value()).isEqualTo(17.0);
        assertThat(registry.find("ingest.source.event.time").tag("source", "es-deltas").gauge()).isNull();
    }

    @Test
    void shouldIgnoreSourcesOfOtherDeployments() {
        meters.checkpoint("nq-ticks", checkpoint("nq-ticks", 3, PositionKind.RECORD_INDEX, Instant.parse("2024-12-05T14:31:00Z")));
        assertThat(registry.find("ingest.source.position").gauges()).isEmpty();
    }

    private static SourceCheckpoint checkpoint(String id, long next, PositionKind kind, Instant last) {
        return SourceCheckpoint.newBuilder().setSourceId(id).setOrigin("/data/" + id).setNextPosition(next).setPositionKind(kind)
                .setLastEventTime(last).setPublished(next).setDeadLettered(0).setStreams(List.of()).build();
    }
}
