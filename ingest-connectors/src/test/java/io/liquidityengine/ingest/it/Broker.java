package io.liquidityengine.ingest.it;

import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.reference.AssetClass;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reading the local stack's topics back in broker-backed tests (read_committed, one key at a time). */
final class Broker {

    private Broker() {
    }

    /** A futures instrument on the 0.25 grid with a test-only symbol, so tests sharing the broker keep apart. */
    static InstrumentSpec instrument(String symbol) {
        return new InstrumentSpec(symbol, "test " + symbol, AssetClass.FUTURE, 0.25, new BigDecimal("12.50"), "USD", 1,
                ZoneId.of("America/New_York"), LocalTime.of(18, 0), LocalTime.of(17, 0));
    }

    /** Every committed record of {@code topic} with {@code key}, up to the end offsets at the time of the call. */
    static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(LocalStack stack, Topic<String, V> topic, String key) {
        return stack.readCommitted(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    static List<DeadLetter> deadLetters(LocalStack stack, String sourceId) {
        return readAll(stack, Topics.DLQ_INGEST, "ingest." + sourceId).stream().map(ConsumerRecord::value).toList();
    }

    /** Waits (polling the checkpoint topic) until the source's last committed checkpoint has published {@code count} records. */
    static SourceCheckpoint awaitPublished(LocalStack stack, String sourceId, long count, Duration timeout) {
        return awaitPublished(stack, sourceId, count, timeout, null);
    }

    /** As above, failing at once when {@code process} (the service publishing, if any) has exited. */
    static SourceCheckpoint awaitPublished(LocalStack stack, String sourceId, long count, Duration timeout, Process process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SourceCheckpoint last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " before source " + sourceId
                        + " published " + count + " records; last checkpoint " + last);
            }
            List<SourceCheckpoint> all = checkpoints(stack, sourceId);
            last = all.isEmpty() ? null : all.get(all.size() - 1);
            if (last != null && last.getPublished() >= count) {
                return last;
            }
        }
        throw new AssertionError("source " + sourceId + " did not publish " + count + " records within " + timeout
                + "; last checkpoint " + last);
    }

    static List<SourceCheckpoint> checkpoints(LocalStack stack, String sourceId) {
        return readAll(stack, Topics.CONTROL_INGEST_CHECKPOINTS, sourceId).stream().map(ConsumerRecord::value).toList();
    }
}
