package io.liquidityengine.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.sierra.scid.ScidWriter;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.marketdata.Tick;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service follows a growing .scid file, is killed with SIGKILL in the middle of
 * publishing, restarted, and the file grows again: every record is on md.ticks exactly once.
 * Runs {@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe runs.
 */
@ExtendWith(LocalStackExtension.class)
class FollowKillIT {

    private static final String SOURCE = "it-follow-kill";
    private static final String SYMBOL = "IT-FOLLOW-KILL";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    private Process startService(LocalStack stack, Path file, Path log) throws IOException {
        String prefix = "ingest.sources." + SOURCE + ".";
        List<String> properties = new ArrayList<>(List.of("ingest.publish-instruments=true",
                prefix + "type=scid", prefix + "path=" + file, prefix + "instrument=" + SYMBOL, prefix + "follow=true",
                prefix + "poll-interval=PT0.05S"));
        properties.addAll(ServiceJar.instrument(SYMBOL, "12.50"));
        Process process = ServiceJar.start(stack, properties, env -> { }, log);
        processes.add(process);
        return process;
    }

    @Test
    void shouldPublishEveryRecordExactlyOnceAcrossAKillWhileFollowing(LocalStack stack) throws Exception {
        Path file = dir.resolve("IT-FOLLOW-KILL.scid");
        Path log = dir.resolve("service.log");
        int initial = 20_000;
        int appendedWhileRunning = 1_000_000;
        int appendedAfterRestart = 5_000;
        int total = initial + appendedWhileRunning + appendedAfterRestart;
        try (ScidWriter writer = ScidWriter.create(file)) {
            ScidIngestIT.writeTrades(writer, 0, initial);
        }
        try {
            Process first = startService(stack, file, log);
            Broker.awaitPublished(stack, SOURCE, initial, STEP_TIMEOUT, first);
            // Sierra Chart appends while the service follows: the writer flushes every 16 Ki records
            try (ScidWriter writer = ScidWriter.append(file)) {
                ScidIngestIT.writeTrades(writer, initial, initial + appendedWhileRunning);
            }
            Broker.awaitPublished(stack, SOURCE, initial + 100_000, STEP_TIMEOUT, first);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, an open transaction is left behind
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<SourceCheckpoint> beforeRestart = Broker.checkpoints(stack, SOURCE);
            long publishedAtKill = beforeRestart.get(beforeRestart.size() - 1).getPublished();
            assertThat(publishedAtKill).as("killed in the middle of publishing").isLessThan(initial + appendedWhileRunning);

            Process second = startService(stack, file, log);
            Broker.awaitPublished(stack, SOURCE, initial + appendedWhileRunning, STEP_TIMEOUT, second);
            try (ScidWriter writer = ScidWriter.append(file)) {
                ScidIngestIT.writeTrades(writer, initial + appendedWhileRunning, total);
            }
            SourceCheckpoint last = Broker.awaitPublished(stack, SOURCE, total, STEP_TIMEOUT, second);
            second.destroyForcibly();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(last.getNextPosition()).isEqualTo(total);
            assertThat(last.getDeadLettered()).isZero();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- service log (tail) ---\n" + ServiceJar.tail(log, 40), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        List<ConsumerRecord<String, Tick>> ticks = Broker.readAll(stack, Topics.MD_TICKS, SYMBOL);
        assertThat(ticks).hasSize(total);
        for (int i = 0; i < total; i++) {
            long sequence = ticks.get(i).value().getSourceSequence();
            if (sequence != i) {
                throw new AssertionError("record " + i + " on md.ticks has source sequence " + sequence);
            }
        }
        assertThat(ticks.get(total - 1).value()).isEqualTo(ScidIngestIT.Trade.number(total - 1).toTick(SYMBOL, file, total - 1));
        assertThat(Broker.deadLetters(stack, SOURCE)).isEmpty();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Source " + SOURCE + " (" + file + "): resuming at RECORD_INDEX");
    }
}
