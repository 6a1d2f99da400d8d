package io.liquidityengine.notifier.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.notifier.discord.FakeDiscord;
import io.liquidityengine.notifier.message.Records;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.signals.BiasValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, started as a process) against the
 * local stack and {@link FakeDiscord}: records on sig.bias, sig.bars, risk.decisions, exec.reports and
 * exec.positions come out as webhook messages (an hourly chart as a multipart upload), the bias flips in order, a route 429 waited out, and
 * the service's log never shows the webhook token.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifierProcessIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void recordsBecomeWebhookMessagesThroughTheBrokerAndA429IsWaitedOut(LocalStack stack) throws Exception {
        Instant t0 = Instant.parse("2024-12-05T14:31:05Z");
        try (FakeDiscord discord = new FakeDiscord()) {
            discord.rateLimitNext(0.2, false);
            produce(stack, Topics.SIG_BIAS, "ES", Records.bias().setEventTime(t0).build());
            produce(stack, Topics.SIG_BIAS, "ES", Records.bias().setEventTime(t0.plusSeconds(5)).setFlip(false).build());
            produce(stack, Topics.SIG_BIAS, "ES", Records.bias().setEventTime(t0.plusSeconds(10)).setPreviousBias(BiasValue.LONG)
                    .setBias(BiasValue.HOLD).setClose(6003.5).build());
            produce(stack, Topics.RISK_DECISIONS, "ES-PAPER-1", Records.decision().build());
            produce(stack, Topics.EXEC_REPORTS, "ES-PAPER-1", Records.fill().build());
            produce(stack, Topics.EXEC_REPORTS, "ES-PAPER-1", Records.fill().setReportId("r-8").setExecType(ExecType.ACCEPTED)
                    .setFillPrice(null).setFillQuantity(0).build());
            produce(stack, Topics.EXEC_REPORTS, "ES-PAPER-1", Records.fill().setReportId("r-9").setRole(OrderRole.TARGET)
                    .setSide(Side.SELL).setLegId("T1").setFillPrice(6009.0).build());
            produce(stack, Topics.EXEC_POSITIONS, "ES-PAPER-1", Records.position().build());
            // two 1-minute bars, 09:58 and 09:59 ET, and the bias at their ends: the bar ending 10:00 ET makes an hourly chart
            Path charts = Path.of("target", "notifier-process-it-charts");
            for (int m = 58; m < 60; m++) {
                Instant start = Instant.parse("2024-12-05T14:00:00Z").plusSeconds(60L * m);
                produce(stack, Topics.SIG_BIAS, "ES", Records.bias().setEventTime(start.plusSeconds(60)).setPreviousBias(BiasValue.LONG)
                        .setFlip(false).build());
                produce(stack, Topics.SIG_BARS, "ES", Bar.newBuilder().setInstrument("ES").setIntervalSeconds(60).setStartTime(start)
                        .setEndTime(start.plusSeconds(60)).setOpen(6000 + m).setHigh(6002 + m).setLow(5999 + m).setClose(6001 + m)
                        .setVolume(100).setTrades(10).setBidVolume(40).setAskVolume(60).build());
            }
            // the first bias after 10:00 ET takes the chart's inputs past its end
            produce(stack, Topics.SIG_BIAS, "ES", Records.bias().setEventTime(Instant.parse("2024-12-05T15:00:05Z"))
                    .setPreviousBias(BiasValue.LONG).setFlip(false).build());

            Path log = Path.of("target", "notifier-process-it.log");
            Process notifier = start(stack, discord, log, "notifier-it-" + UUID.randomUUID(), null,
                    "BIAS_FLIP,REJECTED_DECISION,FILL,POSITION_CLOSED,CHART", "-Dnotifier.charts-dir=" + charts.toAbsolutePath());
            List<String> got = new ArrayList<>();
            try {
                for (int i = 0; i < 7; i++) {
                    JsonNode body = discord.nextAccepted(ARRIVAL);
                    assertThat(body).as("message %d of 7 after %s", i + 1, got).isNotNull();
                    got.add(body.get("content").asText());
                }
            } finally {
                // SIGKILL: a graceful stop closes the six consumers one after the other, about 3 s each
                notifier.destroyForcibly().waitFor();
            }

            String chart = got.stream().filter(c -> c.startsWith("**ES** chart")).findFirst().orElseThrow();
            assertThat(chart).startsWith("**ES** chart 2024-12-05 10:00 EST, hourly: 2 1m candles, O 6058 H 6061 L 6057 C 6060, "
                    + "0 unfilled levels, 0 fills -> ");
            assertThat(discord.uploads()).singleElement().satisfies(u -> {
                assertThat(u.part()).isEqualTo("files[0]");
                assertThat(u.filename()).isEqualTo("ES-20241205-1000-hourly.png");
                assertThat(u.contentType()).isEqualTo("image/png");
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(u.bytes()));
                assertThat(image.getWidth()).isEqualTo(1280);
                assertThat(image.getHeight()).isEqualTo(720);
                assertThat(Files.readAllBytes(charts.resolve("ES-20241205-1000-hourly.png"))).isEqualTo(u.bytes());
            });
            got.remove(chart);
            assertThat(got).containsExactlyInAnyOrder(
                    "**ES** bias flip SHORT → LONG at 6001.25 (2024-12-05 14:31:05 UTC)",
                    "**ES** bias flip LONG → HOLD at 6003.5 (2024-12-05 14:31:15 UTC)",
                    "ES-PAPER-1 rejected ES plan ES-ema-1 rev 0: REWARD_RISK_TOO_LOW: reward/risk 0.90 below 1.00 (2024-12-05 14:31:05 UTC)",
                    "ES-PAPER-1 ES fill +4 @ 6000.5, ENTRY of bracket b-1 (2024-12-05 14:31:05 UTC)",
                    "ES-PAPER-1 ES fill -4 @ 6009, TARGET of bracket b-1 leg T1 (2024-12-05 14:31:05 UTC)",
                    "ES-PAPER-1 ES long closed: +34 ticks, P&L 425.00 USD, commission 18.00, net 407.00 USD"
                            + " (entry avg 6000.5, opened 2024-12-05 14:31:05 UTC, closed 2024-12-05 14:52:30 UTC)");
            // one topic-partition each: the flips and the fills arrive in the order they were produced
            assertThat(got.stream().filter(s -> s.contains("bias flip")).map(s -> s.substring(0, 30)))
                    .containsExactly("**ES** bias flip SHORT → LONG ", "**ES** bias flip LONG → HOLD a");
            assertThat(got.stream().filter(s -> s.contains(" fill ")).map(s -> s.substring(0, 26)))
                    .containsExactly("ES-PAPER-1 ES fill +4 @ 60", "ES-PAPER-1 ES fill -4 @ 60");
            assertThat(discord.requests()).isEqualTo(8);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("rate limited (route), retry after 0.2 s").contains("/api/webhooks/123456/***")
                    .doesNotContain(FakeDiscord.TOKEN);
        }
    }

    /**
     * Fills of ES-PAPER-2 on one partition; the service is SIGKILLed after the 4th arrives and restarted
     * on the same delivery log and consumer groups: every fill arrives, at most one twice. (The records of
     * the first test are on the topics too: their messages are ignored here.)
     */
    @Test
    @Order(2)
    void aSigkillAndRestartLosesNothingAndRepostsAtMostOneMessage(LocalStack stack) throws Exception {
        Instant t0 = Instant.parse("2024-12-06T14:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            produce(stack, Topics.EXEC_REPORTS, "ES-PAPER-2", Records.fill().setAccount("ES-PAPER-2").setReportId("k-" + i)
                    .setFillPrice(6000.0 + i).setEventTime(t0.plusSeconds(i)).build());
            expected.add("ES-PAPER-2 ES fill +4 @ " + (6000 + i) + ", ENTRY of bracket b-1 (2024-12-06 14:00:" + String.format("%02d", i) + " UTC)");
        }
        String group = "notifier-restart-" + UUID.randomUUID();
        Path state = Path.of("target", "notifier-restart-it", group, "delivery.log");
        List<String> got = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord()) {
            Process first = start(stack, discord, Path.of("target", "notifier-restart-it-1.log"), group, state, "FILL");
            try {
                while (got.size() < 4) {
                    collect(discord, got);
                }
            } finally {
                first.destroyForcibly().waitFor();
            }
            Process second = start(stack, discord, Path.of("target", "notifier-restart-it-2.log"), group, state, "FILL");
            try {
                while (!got.containsAll(expected)) {
                    collect(discord, got);
                }
            } finally {
                second.destroyForcibly().waitFor();
            }
        }

        assertThat(got).containsAll(expected);
        assertThat(got.size()).as("posted %s", got).isBetween(12, 13);
        assertThat(got.stream().distinct().toList()).as("in order, each once but for one repeat").containsExactlyElementsOf(expected);
    }

    /** A message the webhook refuses (400, code 50035) is written to dlq.notifier with the reason and body; the next one is posted. */
    @Test
    @Order(3)
    void aRefusedMessageGoesToTheNotifierDeadLetterTopicAndDeliveryGoesOn(LocalStack stack) throws Exception {
        Instant t0 = Instant.parse("2024-12-09T15:00:00Z");
        produce(stack, Topics.EXEC_REPORTS, "ES-PAPER-3", Records.fill().setAccount("ES-PAPER-3").setReportId("x-1")
                .setFillPrice(6100.0).setEventTime(t0).build());
        produce(stack, Topics.EXEC_REPORTS, "ES-PAPER-3", Records.fill().setAccount("ES-PAPER-3").setReportId("x-2")
                .setFillPrice(6101.0).setEventTime(t0.plusSeconds(1)).build());
        try (FakeDiscord discord = new FakeDiscord()) {
            discord.refuseNext();
            Path log = Path.of("target", "notifier-dlq-it.log");
            Process notifier = start(stack, discord, log, "notifier-dlq-" + UUID.randomUUID(), null, "FILL");
            try {
                // the first fill is refused; the second arrives after its dead letter was acknowledged
                JsonNode posted;
                do {
                    posted = discord.nextAccepted(ARRIVAL);
                    assertThat(posted).as("the second fill").isNotNull();
                } while (!posted.get("content").asText().startsWith("ES-PAPER-3"));
                assertThat(posted.get("content").asText()).isEqualTo("ES-PAPER-3 ES fill +4 @ 6101, ENTRY of bracket b-1 (2024-12-09 15:00:01 UTC)");
            } finally {
                notifier.destroyForcibly().waitFor();
            }
            List<DeadLetter> letters = stack.readCommitted(Topics.DLQ_NOTIFIER).stream().map(r -> r.value())
                    .filter(l -> new String(l.getPayload().array(), StandardCharsets.UTF_8).contains("ES-PAPER-3")).toList();
            assertThat(letters).hasSize(1);
            DeadLetter letter = letters.get(0);
            assertThat(letter.getSource()).isEqualTo("notifier.fill");
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.OTHER);
            assertThat(letter.getOrigin()).isEqualTo("webhook it " + discord.webhookUrl().toString().replace(FakeDiscord.TOKEN, "***"));
            assertThat(letter.getDetail()).contains("400").contains("50035").contains("Invalid Form Body");
            assertThat(new String(letter.getPayload().array(), StandardCharsets.UTF_8))
                    .contains("ES-PAPER-3 ES fill +4 @ 6100, ENTRY of bracket b-1 (2024-12-09 15:00:00 UTC)");
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain(FakeDiscord.TOKEN);
        }
    }

    /** Waits for the next message; keeps those of ES-PAPER-2. */
    private static void collect(FakeDiscord discord, List<String> got) throws InterruptedException {
        JsonNode body = discord.nextAccepted(ARRIVAL);
        assertThat(body).as("a message after %s", got).isNotNull();
        String content = body.get("content").asText();
        if (content.startsWith("ES-PAPER-2 ")) {
            got.add(content);
        }
    }

    private static Process start(LocalStack stack, FakeDiscord discord, Path log, String group, Path state, String events,
                                 String... properties) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged service").exists();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Dschema.registry.url=" + stack.registryUrl(),
                "-Dnotifier.group-id=" + group,
                // a restarted service rejoins its groups once the killed consumers' sessions expired: 6 s (the broker's minimum), not 45 s
                "-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=6000",
                "-Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=1000",
                "-Dnotifier.webhooks.it.url=" + discord.webhookUrl(),
                "-Dnotifier.webhooks.it.events=" + events));
        if (state != null) {
            command.add("-Dnotifier.state-file=" + state.toAbsolutePath());
        }
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static <V extends SpecificRecord> void produce(LocalStack stack, Topic<String, V> topic, String key, V value) throws Exception {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] bytes = topic.valueSerde(stack.registryConfig()).serializer().serialize(topic.name(), value);
            producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), bytes)).get();
        }
    }
}
