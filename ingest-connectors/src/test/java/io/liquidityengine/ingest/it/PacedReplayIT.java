package io.liquidityengine.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.publish.Pacing;
import io.liquidityengine.ingest.publish.SourceRunner;
import io.liquidityengine.ingest.sierra.scid.Aggressor;
import io.liquidityengine.ingest.sierra.scid.ScidWriter;
import io.liquidityengine.ingest.sources.ScidTickSource;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.marketdata.Tick;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay at 100x real time. The runner commits what is due before it waits for the next record's
 * time, so the committed checkpoints show where it waited: records at the same event time go out
 * together, records apart in event time are waited for. No wall-clock thresholds needed.
 */
@ExtendWith(LocalStackExtension.class)
class PacedReplayIT {

    @TempDir
    Path dir;

    private static final long T0 = ScidIngestIT.T0;

    private Path fileWithTicksAtSeconds(String name, long... seconds) throws Exception {
        Path file = dir.resolve(name);
        try (ScidWriter writer = ScidWriter.create(file)) {
            for (int i = 0; i < seconds.length; i++) {
                writer.writeTick(T0 + seconds[i] * 1_000_000L, 6000f + 0.25f * i, 5999.75f + 0.25f * i, 6000f + 0.25f * i, 1 + i,
                        Aggressor.BUY);
            }
        }
        return file;
    }

    @Test
    void shouldReplayInEventTimeOrderWaitingBetweenRecordsApartInTime(LocalStack stack) throws Exception {
        // 0 s, 30 s, 30 s, 90 s, 150 s of event time: 0.3 s, 0, 0.6 s and 0.6 s apart at 100x
        Path file = fileWithTicksAtSeconds("IT-PACED.scid", 0, 30, 30, 90, 150);
        SourceRunner.Settings paced = SourceRunner.Settings.backfill().paced(new Pacing(100));

        SourceRunner.Result result = new SourceRunner(new ScidTickSource("it-paced", file, Broker.instrument("IT-PACED"), true, 5),
                stack.clientConfig(), paced, new SimpleMeterRegistry()).run(() -> false);

        List<ConsumerRecord<String, Tick>> ticks = Broker.readAll(stack, Topics.MD_TICKS, "IT-PACED");
        assertThat(result.published()).isEqualTo(5);
        assertThat(ticks).extracting(r -> r.value().getSourceSequence()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(ticks).extracting(r -> Instant.ofEpochMilli(r.timestamp())).containsExactly(
                Instant.parse("2024-12-05T14:30:00Z"), Instant.parse("2024-12-05T14:30:30Z"), Instant.parse("2024-12-05T14:30:30Z"),
                Instant.parse("2024-12-05T14:31:30Z"), Instant.parse("2024-12-05T14:32:30Z"));
        // committed before each wait (after 1, 3 and 4 records) and at the end (5)
        assertThat(Broker.checkpoints(stack, "it-paced")).extracting(SourceCheckpoint::getPublished).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void shouldPublishAsFastAsPossibleInOneTransactionWhenNotPaced(LocalStack stack) throws Exception {
        Path file = fileWithTicksAtSeconds("IT-UNPACED.scid", 0, 30, 30, 90, 150);

        new SourceRunner(new ScidTickSource("it-unpaced", file, Broker.instrument("IT-UNPACED"), true, 5),
                stack.clientConfig(), SourceRunner.Settings.backfill(), new SimpleMeterRegistry()).run(() -> false);

        assertThat(Broker.readAll(stack, Topics.MD_TICKS, "IT-UNPACED")).extracting(r -> r.value().getSourceSequence())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(Broker.checkpoints(stack, "it-unpaced")).extracting(SourceCheckpoint::getPublished).containsExactly(5L);
    }
}
