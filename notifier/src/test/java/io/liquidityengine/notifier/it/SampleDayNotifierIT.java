package io.liquidityengine.notifier.it;

import static io.liquidityengine.notifier.it.NotifierProcess.freePort;
import static io.liquidityengine.notifier.it.NotifierProcess.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.backtest.Backtest;
import io.liquidityengine.backtest.BacktestSettings;
import io.liquidityengine.backtest.RecordLog;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.notifier.discord.FakeDiscord;
import io.liquidityengine.notifier.message.Messages;
import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sample day through the packaged notifier into {@link FakeDiscord}: its signal and execution
 * records (made by the one-process backtest, byte for byte what the services publish, see ClosedLoopIT) on
 * the catalog's topics; a route 429 and a global 429 on the way, and a SIGKILL mid-day with a restart on the
 * same delivery log. Every bias change (once, not on every bar the topology flags after it), fill and closed
 * position of the day arrives, each kind in the order of its topic; the (coalesced) statuses arrive in event-time order; at most one message twice.
 */
class SampleDayNotifierIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final String STATUS = "status ";
    /** A fast replay posts the last status per instrument every 2 s of wall time, not all 389 of the day. */
    private static final String COALESCE = "-Dnotifier.status-interval=2s";

    @TempDir
    Path dir;

    @Test
    void theSampleDaysFlipsFillsAndClosedPositionsArriveInOrderThrough429sAndASigkill() throws Exception {
        // a stack of its own: the shared one holds the other ITs' ES records, which would be notified too
        try (LocalStack stack = LocalStack.temporary().start()) {
            run(stack);
        }
    }

    private void run(LocalStack stack) throws Exception {
        SampleDayFiles day = new SampleDayGenerator(42, LocalDate.of(2024, 12, 5)).writeTo(dir);
        BacktestSettings settings = BacktestSettings.of(Map.of("backtest.strategies", "topology/src/main/resources/strategies/ema-cross-patterns.json"),
                Path.of("..").toAbsolutePath().normalize());
        RecordLog log = new RecordLog(Set.of(Topics.SIG_BIAS, Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS));
        new Backtest(settings, List.of(Backtest.Input.of("scid", day.scid(), "ES"), Backtest.Input.of("option-delta", day.optionDelta(), "ES")))
                .run(log, null);
        publish(stack, log, Topics.SIG_BIAS);
        publish(stack, log, Topics.EXEC_REPORTS);
        publish(stack, log, Topics.EXEC_POSITIONS);

        List<String> flips = realChanges(log.values(Topics.SIG_BIAS));
        List<String> fills = expected(log.values(Topics.EXEC_REPORTS), Messages::fill);
        List<String> closed = expected(log.values(Topics.EXEC_POSITIONS), Messages::closed);
        // the topology flags every bar of the minute after a change: 232 flagged records, 46 changes (as the demo counts them)
        assertThat(log.values(Topics.SIG_BIAS).stream().filter(Bias::getFlip).count()).isEqualTo(232);
        assertThat(flips).hasSize(46).doesNotHaveDuplicates();
        assertThat(fills).hasSize(49).doesNotHaveDuplicates();
        assertThat(closed).hasSize(20).doesNotHaveDuplicates();
        List<String> all = new ArrayList<>(flips);
        all.addAll(fills);
        all.addAll(closed);

        String group = "notifier-sample-day-" + UUID.randomUUID();
        Path state = Path.of("target", "notifier-sample-day-it", group, "delivery.log");
        String events = "BIAS_FLIP,STATUS,FILL,POSITION_CLOSED";
        List<String> got = new ArrayList<>();
        // Discord's headers and 429s as in the other tests, with a bucket of 25 per 2.5 s so that 115 messages take seconds
        try (FakeDiscord discord = new FakeDiscord(25)) {
            discord.rateLimitNext(0.3, false);
            Path firstLog = Path.of("target", "notifier-sample-day-it-1.log");
            Process first = start(stack, discord, firstLog, group, state, events, freePort(), COALESCE);
            try {
                while (got.size() < 40) {
                    collect(discord, got);
                    if (got.size() == 20) {
                        discord.rateLimitNext(0.2, true);
                    }
                }
            } finally {
                first.destroyForcibly().waitFor();   // SIGKILL mid-day
            }
            Process second = start(stack, discord, Path.of("target", "notifier-sample-day-it-2.log"), group, state, events, freePort(),
                    COALESCE);
            try {
                while (!got.containsAll(all)) {
                    collect(discord, got);
                }
            } finally {
                second.destroyForcibly().waitFor();
            }
            String output = Files.readString(firstLog, StandardCharsets.UTF_8);
            assertThat(output).contains("rate limited (route), retry after 0.3 s").contains("rate limited (global), retry after 0.2 s")
                    .doesNotContain(FakeDiscord.TOKEN);
        }
        assertThat(got.size() - got.stream().distinct().count()).as("every message once, but for the one in flight at the kill")
                .isBetween(0L, 1L);
        assertThat(got.stream().filter(m -> !m.startsWith(STATUS)).distinct().count()).isEqualTo(all.size());
        // statuses are coalesced in a fast replay (one per instrument per notifier.status-interval of wall time): some
        // arrive, each the status of a bias record of the day, in event-time order
        Set<String> biasTimes = new java.util.HashSet<>();
        log.values(Topics.SIG_BIAS).forEach(b -> biasTimes.add(STATUS + b.getEventTime()));
        List<String> statuses = got.stream().filter(m -> m.startsWith(STATUS)).distinct().toList();
        assertThat(statuses).isNotEmpty().allMatch(biasTimes::contains);
        assertThat(statuses).isSortedAccordingTo(java.util.Comparator.comparing((String m) -> java.time.Instant.parse(m.substring(STATUS.length()))));
        assertThat(inOrder(got, flips)).containsExactlyElementsOf(flips);
        assertThat(inOrder(got, fills)).containsExactlyElementsOf(fills);
        assertThat(inOrder(got, closed)).containsExactlyElementsOf(closed);
    }

    /** The flip messages of the records flagged as flips whose bias differs from their instrument's previous record's. */
    private static List<String> realChanges(List<Bias> records) {
        Map<String, BiasValue> last = new java.util.HashMap<>();
        List<String> out = new ArrayList<>();
        for (Bias b : records) {
            BiasValue before = last.put(b.getInstrument(), b.getBias());
            if (b.getFlip() && b.getBias() != (before == null ? BiasValue.HOLD : before)) {
                out.add(Messages.biasFlip(b).orElseThrow().content());
            }
        }
        return out;
    }

    /** The messages of one kind as they arrived, a repeat (the message in flight at the kill) left out. */
    private static List<String> inOrder(List<String> got, List<String> kind) {
        return got.stream().filter(kind::contains).distinct().toList();
    }

    private static <V> List<String> expected(List<V> records, Function<V, Optional<Notification>> message) {
        return records.stream().map(message).flatMap(Optional::stream).map(Notification::content).toList();
    }

    /** A posted message: its content, or for a status embed "status " and the embed's timestamp. */
    private static void collect(FakeDiscord discord, List<String> got) throws InterruptedException {
        JsonNode body = discord.nextAccepted(ARRIVAL);
        assertThat(body).as("a message after %d: %s", got.size(), got.isEmpty() ? "" : got.get(got.size() - 1)).isNotNull();
        JsonNode embed = body.path("embeds").path(0);
        if (body.path("content").asText().isEmpty() && embed.path("title").asText().contains(" status ")) {
            got.add(STATUS + java.time.Instant.parse(embed.path("timestamp").asText()));
        } else {
            got.add(body.path("content").asText());
        }
    }

    /** A topic's records as the services publish them: the catalog's Avro, their keys and timestamps, in order. */
    private static <V extends SpecificRecord> void publish(LocalStack stack, RecordLog log, Topic<String, V> topic) throws Exception {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var values = topic.valueSerde(stack.registryConfig()).serializer();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (RecordLog.Entry e : log.entries(topic)) {
                @SuppressWarnings("unchecked")
                V value = (V) e.value();
                producer.send(new ProducerRecord<>(topic.name(), null, e.timestampMs(), e.key().getBytes(StandardCharsets.UTF_8),
                        values.serialize(topic.name(), value)));
            }
            producer.flush();
        }
    }
}
