package io.liquidityengine.ingest.publish;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import io.liquidityengine.schemas.control.StreamPosition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one {@link RecordSource}: resumes from its committed checkpoint, publishes each batch of
 * records and dead letters in one Kafka transaction together with the new checkpoint, paces the
 * replay, logs progress and counts everything in metrics. In follow mode it keeps polling for new
 * data until stopped; in backfill mode it returns when the source is finished.
 *
 * <p>Exactly once across crashes: a batch and its checkpoint commit together or not at all, so a
 * restarted runner resumes exactly after the last committed batch.
 */
public final class SourceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRunner.class);

    /** Settings of a run. */
    public record Settings(boolean follow, Pacing pacing, int batchSize, Duration followPollInterval, Duration progressInterval) {
        public static Settings backfill() {
            return new Settings(false, Pacing.AS_FAST_AS_POSSIBLE, 5_000, Duration.ofMillis(500), Duration.ofSeconds(5));
        }

        public Settings following(Duration pollInterval) {
            return new Settings(true, pacing, batchSize, pollInterval, progressInterval);
        }

        public Settings paced(Pacing p) {
            return new Settings(follow, p, batchSize, followPollInterval, progressInterval);
        }
    }

    /** What a finished run did. */
    public record Result(long published, long deadLettered, long nextPosition) {
    }

    private final RecordSource source;
    private final Map<String, Object> clientConfig;
    private final Settings settings;
    private final Counter publishedCounter;
    private final MeterRegistry metrics;

    public SourceRunner(RecordSource source, Map<String, Object> clientConfig, Settings settings, MeterRegistry metrics) {
        this.source = source;
        this.clientConfig = clientConfig;
        this.settings = settings;
        this.metrics = metrics;
        this.publishedCounter = Counter.builder("ingest.records.published").tag("source", source.id())
                .description("records published to Kafka").register(metrics);
    }

    /** Runs until the source is finished (backfill) or {@code stop} says so (follow). */
    public Result run(BooleanSupplier stop) throws IOException, InterruptedException {
        // the publisher first: initialising it fences a previous instance and completes its last transaction,
        // so the checkpoint read next is the one that really committed
        try (TransactionalPublisher publisher = new TransactionalPublisher(clientConfig, "ingest-" + source.id())) {
            return run(stop, publisher);
        } finally {
            source.close();
        }
    }

    private Result run(BooleanSupplier stop, TransactionalPublisher publisher) throws IOException, InterruptedException {
        Optional<SourceCheckpoint> checkpoint = CheckpointReader.read(clientConfig, source.id());
        long position = checkpoint.map(SourceCheckpoint::getNextPosition).orElse(0L);
        long published = checkpoint.map(SourceCheckpoint::getPublished).orElse(0L);
        long deadLettered = checkpoint.map(SourceCheckpoint::getDeadLettered).orElse(0L);
        LOG.info("Source {} ({}): {}", source.id(), source.origin(),
                checkpoint.isPresent() ? "resuming at " + source.positionKind() + " " + position : "starting from the beginning");
        List<StreamPosition> streams = checkpoint.map(SourceCheckpoint::getStreams).orElse(List.of());
        source.open(position, streams);

        long startNanos = System.nanoTime();
        long lastProgress = startNanos;
        long firstEventMicros = Long.MIN_VALUE;
        long lastEventMicros = checkpoint.map(c -> c.getLastEventTime() == null ? Long.MIN_VALUE : Micros.of(c.getLastEventTime()))
                .orElse(Long.MIN_VALUE);
        long publishedThisRun = 0;
        // paced replays read one unit at a time so that a commit before a wait covers exactly what was sent
        int pollSize = settings.pacing().paced() ? 1 : settings.batchSize();
        int uncommitted = 0;
        while (!stop.getAsBoolean()) {
            SourceBatch batch = source.poll(pollSize);
            if (batch.isEmpty() && !batch.finished()) {
                commitWithCheckpoint(publisher, position, streams, lastEventMicros, published, deadLettered, uncommitted);
                uncommitted = 0;
                if (!settings.follow()) {
                    break; // backfill: nothing more now is the end of what is there
                }
                TimeUnit.MILLISECONDS.sleep(settings.followPollInterval().toMillis());
                continue;
            }
            for (OutRecord<?> record : batch.records()) {
                if (settings.pacing().paced()) {
                    long eventMicros = record.timestampMillis() * 1000;
                    if (firstEventMicros == Long.MIN_VALUE) {
                        firstEventMicros = eventMicros;
                    }
                    long waitNanos = startNanos + settings.pacing().dueNanos(firstEventMicros, eventMicros) - System.nanoTime();
                    if (waitNanos > 20_000_000L) {
                        // make what is due visible before waiting for this record's time
                        commitWithCheckpoint(publisher, position, streams, lastEventMicros, published, deadLettered, uncommitted);
                        uncommitted = 0;
                        TimeUnit.NANOSECONDS.sleep(waitNanos);
                    }
                }
                publisher.send(record);
                published++;
                publishedThisRun++;
                uncommitted++;
            }
            for (ParseProblem problem : batch.problems()) {
                LOG.warn("Source {}: {} at {} {} {}: {}", source.id(), problem.reason(), problem.origin(),
                        problem.positionKind(), problem.position(), problem.detail());
                DeadLetter letter = DeadLetters.from(source.id(), problem);
                publisher.send(Topics.DLQ_INGEST, letter.getSource(), letter, eventMillis(lastEventMicros));
                Counter.builder("ingest.dead.letters").tag("source", source.id()).tag("reason", problem.reason().name())
                        .description("input units sent to dlq.ingest").register(metrics).increment();
                deadLettered++;
                uncommitted++;
            }
            position = batch.nextPosition();
            if (batch.streams() != null) {
                streams = batch.streams();
            }
            if (batch.lastEventMicros() != Long.MIN_VALUE) {
                lastEventMicros = batch.lastEventMicros();
            }
            publishedCounter.increment(batch.records().size());
            if (uncommitted >= settings.batchSize() || batch.finished() || !settings.pacing().paced()) {
                commitWithCheckpoint(publisher, position, streams, lastEventMicros, published, deadLettered, uncommitted);
                uncommitted = 0;
            }
            long now = System.nanoTime();
            if (now - lastProgress > settings.progressInterval().toNanos()) {
                lastProgress = now;
                double seconds = (now - startNanos) / 1e9;
                LOG.info("Source {}: {} records ({} /s), event time {}, {} dead letters", source.id(), published,
                        Math.round(publishedThisRun / seconds),
                        lastEventMicros == Long.MIN_VALUE ? "-" : Micros.instant(lastEventMicros), deadLettered);
            }
            if (batch.finished()) {
                break;
            }
        }
        commitWithCheckpoint(publisher, position, streams, lastEventMicros, published, deadLettered, uncommitted);
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        LOG.info("Source {} done for now: {} records published this run ({} /s), {} in total, {} dead letters, next {} {}",
                source.id(), publishedThisRun, Math.round(publishedThisRun / seconds), published, deadLettered,
                source.positionKind(), position);
        return new Result(published, deadLettered, position);
    }

    private void commitWithCheckpoint(TransactionalPublisher publisher, long position, List<StreamPosition> streams, long lastEventMicros,
                                      long published, long deadLettered, int uncommitted) {
        if (uncommitted == 0) {
            return;
        }
        SourceCheckpoint checkpoint = SourceCheckpoint.newBuilder()
                .setSourceId(source.id()).setOrigin(source.origin()).setNextPosition(position)
                .setPositionKind(source.positionKind()).setStreams(streams)
                .setLastEventTime(lastEventMicros == Long.MIN_VALUE ? null : Micros.instant(lastEventMicros))
                .setPublished(published).setDeadLettered(deadLettered).build();
        publisher.send(Topics.CONTROL_INGEST_CHECKPOINTS, source.id(), checkpoint, eventMillis(lastEventMicros));
        publisher.commit();
    }

    private static long eventMillis(long micros) {
        return micros == Long.MIN_VALUE ? 0L : Math.floorDiv(micros, 1000);
    }
}
