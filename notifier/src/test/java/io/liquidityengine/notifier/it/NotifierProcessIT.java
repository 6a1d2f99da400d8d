package io.liquidityengine.notifier.it;

import static io.liquidityengine.notifier.it.NotifierProcess.freePort;
import static io.liquidityengine.notifier.it.NotifierProcess.produce;
import static io.liquidityengine.notifier.it.NotifierProcess.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.notifier.discord.FakeDiscord;
import io.liquidityengine.notifier.message.Records;
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
import java.util.UUID;
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
            int http = freePort();
            Process notifier = start(stack, discord, log, "notifier-it-" + UUID.randomUUID(), null,
                    "BIAS_FLIP,REJECTED_DECISION,FILL,POSITION_CLOSED,CHART", http, "-Dnotifier.charts-dir=" + charts.toAbsolutePath());
            List<String> got = new ArrayList<>();
            try {
                for (int i = 0; i < 7; i++) {
                    JsonNode body = discord.nextAccepted(ARRIVAL);
                    assertThat(body).as("message %d of 7 after %s", i + 1, got).isNotNull();
                    got.add(body.get("content").asText());
                }
                assertMetricsAndHealth(http);
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
            Process first = start(stack, discord, Path.of("target", "notifier-restart-it-1.log"), group, state, "FILL", freePort());
            try {
                while (got.size() < 4) {
                    collect(discord, got);
                }
            } finally {
                first.destroyForcibly().waitFor();
            }
            Process second = start(stack, discord, Path.of("target", "notifier-restart-it-2.log"), group, state, "FILL", freePort());
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
            Process notifier = start(stack, discord, log, "notifier-dlq-" + UUID.randomUUID(), null, "FILL", freePort());
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

    /**
     * A short synthetic excerpt of a session through the broker, as the services in lockstep publish it:
     * MES's ref.instruments record (session close 10:30 New York), 40 one-minute bars from 09:50 ET with
     * a bias per minute (HOLD, LONG from 10:05, SHORT from 10:20), two levels; the fills and the sink's
     * market clock come after the signals (in wall time). With notifier.charts.wait-for-market-clock the
     * 10:00 chart waits for them and shows the entry. Then a SIGKILL and a restart on the same delivery
     * log: the charts' state is rebuilt by re-reading (the session-close chart at the instrument's 10:30
     * close has all 40 candles and both fills), and no chart posted before the kill is posted again.
     * Statuses go to a file only.
     */
    @Test
    @Order(4)
    void aSessionExcerptGivesItsFlipsFillsAndChartsWithMarkersAcrossARestart(LocalStack stack) throws Exception {
        Path dir = Path.of("target", "notifier-excerpt-it");
        String run = UUID.randomUUID().toString();
        Path statusFile = dir.resolve("status-" + run + ".log");
        Path state = dir.resolve("delivery-" + run + ".log");
        String group = "notifier-excerpt-" + run;
        String[] properties = {"-Dnotifier.charts-dir=" + dir.resolve("charts").toAbsolutePath(), "-Dnotifier.charts.wait-for-market-clock=true",
                "-Dnotifier.status-file=" + statusFile.toAbsolutePath(), "-Dnotifier.status-post=false"};
        List<String> first = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord()) {
            Process notifier = start(stack, discord, dir.resolve("notifier-1.log"), group, state, "BIAS_FLIP,STATUS,FILL,CHART", freePort(),
                    properties);
            try {
                SessionExcerpt.signals(stack);
                // the signals are consumed (their flips posted) before the sink's fill and market clock are published
                while (count(first, "**MES** bias flip") < 2) {
                    collectMes(discord, first);
                }
                produce(stack, Topics.EXEC_REPORTS, SessionExcerpt.ACCOUNT, SessionExcerpt.entry());
                produce(stack, Topics.EXEC_MARKET_CLOCK, SessionExcerpt.ACCOUNT, SessionExcerpt.clock(11));
                while (count(first, "**MES** chart") < 1 || count(first, "MES-PAPER MES fill") < 1) {
                    collectMes(discord, first);
                }
                // one more post after the chart: posts are one at a time, so the chart is in the delivery log once it
                // arrives (the kill then leaves this fill, not the chart, as the post that may be in flight)
                produce(stack, Topics.EXEC_REPORTS, "XX-PAPER", Records.fill().setAccount("XX-PAPER").setInstrument("XX").setReportId("x")
                        .setEventTime(SessionExcerpt.OPEN).build());
                while (count(first, "XX-PAPER XX fill") < 1) {
                    collectMes(discord, first);
                }
            } finally {
                notifier.destroyForcibly().waitFor();
            }
        }
        List<String> second = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord()) {
            Process notifier = start(stack, discord, dir.resolve("notifier-2.log"), group, state, "BIAS_FLIP,STATUS,FILL,CHART", freePort(),
                    properties);
            try {
                produce(stack, Topics.EXEC_REPORTS, SessionExcerpt.ACCOUNT, SessionExcerpt.exit());
                produce(stack, Topics.EXEC_MARKET_CLOCK, SessionExcerpt.ACCOUNT, SessionExcerpt.clock(41));
                // the feed dispatches in event-time order: a chart rebuilt and posted again would come before the close chart
                while (count(second, "**MES** chart") < 1 || count(second, "MES fill -1") < 1) {
                    collectMes(discord, second);
                }
                // 5 s bars after the last record before the kill (15:30:00, SHORT): a change to HOLD, flagged again on the
                // next bar, back to SHORT unflagged (SHORT was the minute before), HOLD again. The restarted notifier reads
                // MES's last bias back from sig.bias: the first is a change from SHORT (from a HOLD start it would be none)
                Instant close = SessionExcerpt.OPEN.plusSeconds(2400);
                BiasValue[] after = {BiasValue.HOLD, BiasValue.HOLD, BiasValue.SHORT, BiasValue.HOLD};
                for (int i = 0; i < after.length; i++) {
                    produce(stack, Topics.SIG_BIAS, "MES", Records.bias().setInstrument("MES").setEventTime(close.plusSeconds(5L * (i + 1)))
                            .setBias(after[i]).setPreviousBias(BiasValue.SHORT).setFlip(after[i] != BiasValue.SHORT).setClose(6002.5).build());
                }
                while (count(second, "**MES** bias flip") < 2) {
                    collectMes(discord, second);
                }
                long deadline = System.nanoTime() + ARRIVAL.toNanos(); // the sig-bias channel writes the last statuses on its own
                while (System.nanoTime() < deadline && mesStatuses(statusFile).stream().distinct().count() < 40) {
                    Thread.onSpinWait();
                }
            } finally {
                notifier.destroyForcibly().waitFor();
            }
            assertThat(discord.accepted()).as("no status posted").allSatisfy(b -> assertThat(b.path("embeds")).isEmpty());
        }

        assertThat(first.stream().filter(c -> c.startsWith("**MES** bias flip"))).containsExactly(
                "**MES** bias flip HOLD → LONG at 6004 (2024-12-10 15:06:00 UTC)",
                "**MES** bias flip LONG → SHORT at 6007 (2024-12-10 15:21:00 UTC)");
        List<String> fills = new ArrayList<>(first);
        fills.addAll(second);
        assertThat(fills.stream().filter(c -> c.contains(" MES fill ")).distinct()).containsExactly(
                "MES-PAPER MES fill +1 @ 6002.25, ENTRY of bracket b-1 (2024-12-10 14:58:30 UTC)",
                "MES-PAPER MES fill -1 @ 6010, TARGET of bracket b-1 leg T1 (2024-12-10 15:14:10 UTC)");
        assertThat(second.stream().filter(c -> c.startsWith("**MES** bias flip"))).containsExactly(
                "**MES** bias flip SHORT → HOLD at 6002.5 (2024-12-10 15:30:05 UTC)",
                "**MES** bias flip SHORT → HOLD at 6002.5 (2024-12-10 15:30:20 UTC)");
        assertThat(chartLines(first).stream().filter(c -> c.startsWith("**MES**"))).containsExactly(
                "**MES** chart 2024-12-10 10:00 EST, hourly: 10 1m candles, O 6000 H 6003 L 5999.5 C 6002.5, 1 unfilled level, 1 fill");
        assertThat(chartLines(second)).as("the charts posted before the kill are not posted again").containsExactly(
                "**MES** chart 2024-12-10 10:30 EST, session close: 40 1m candles, O 6000 H 6008 L 5999.5 C 6002.5, 1 unfilled level, 2 fills");
        assertThat(second).as("nor another instrument's").noneMatch(c -> c.startsWith("**ES** chart"));
        assertThat(dir.resolve("charts").resolve("MES-20241210-1030-close.png")).exists();
        // the bars' 40 statuses (the restarted board may add one for the 5 s records after them: it starts empty)
        List<String> statuses = mesStatuses(statusFile).stream().filter(l -> l.compareTo("2024-12-10T15:30:01") < 0).toList();
        assertThat(statuses.stream().distinct()).hasSize(40);
        assertThat(statuses).as("at most the record in flight at the kill twice").hasSizeBetween(40, 41);
        assertThat(statuses.get(0)).isEqualTo("2024-12-10T14:51:00Z MES status 6000.25 | Bias HOLD | Liquidity side above | Trend LONG"
                + " | Delta LONG | ROC15 +1.23 % | Slope -0.40 % | T1 – | T2 – | Stop – | Position flat | RSI 61.3 | Since extension 60 s");
    }

    private static long count(List<String> got, String part) {
        return got.stream().filter(c -> c.contains(part)).count();
    }

    private static List<String> chartLines(List<String> got) {
        return got.stream().filter(c -> c.startsWith("**MES** chart") || c.startsWith("**ES** chart"))
                .map(c -> c.substring(0, c.indexOf(" -> "))).toList();
    }

    private static List<String> mesStatuses(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.contains(" MES status ")).toList()
                : List.of();
    }

    /** Waits for the next message; keeps those about MES and every chart. */
    private static void collectMes(FakeDiscord discord, List<String> got) throws InterruptedException {
        JsonNode body = discord.nextAccepted(ARRIVAL);
        assertThat(body).as("a message after %s", got).isNotNull();
        String content = body.path("content").asText();
        if (content.contains("MES") || content.contains(" chart ") || content.startsWith("XX-PAPER")) {
            got.add(content);
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

    /**
     * /q/metrics: the seven messages delivered by kind and the route 429, in Prometheus names (the last post's
     * counter may land just after its message arrived: waits for it); /q/health/ready and /live UP.
     */
    private static void assertMetricsAndHealth(int http) throws Exception {
        String expected = "notifier_webhook_posts_total{kind=\"chart\",outcome=\"delivered\",webhook=\"it\"} 1.0";
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        String metrics = NotifierProcess.get(http, "/q/metrics").body();
        while (System.nanoTime() < deadline && !(metrics.contains(expected) && metrics.contains("kind=\"position_closed\""))) {
            metrics = NotifierProcess.get(http, "/q/metrics").body();
        }
        assertThat(metrics.lines().filter(l -> l.startsWith("notifier_webhook_")).sorted().toList()).containsExactly(
                "notifier_webhook_posts_total{kind=\"bias_flip\",outcome=\"delivered\",webhook=\"it\"} 2.0",
                expected,
                "notifier_webhook_posts_total{kind=\"fill\",outcome=\"delivered\",webhook=\"it\"} 2.0",
                "notifier_webhook_posts_total{kind=\"position_closed\",outcome=\"delivered\",webhook=\"it\"} 1.0",
                "notifier_webhook_posts_total{kind=\"rejected_decision\",outcome=\"delivered\",webhook=\"it\"} 1.0",
                "notifier_webhook_rate_limited_total{scope=\"route\",webhook=\"it\"} 1.0");
        assertThat(metrics).contains("notifier_delivery_lag_seconds_count{topic=\"sig.bias\"} 2.0")
                .contains("notifier_delivery_lag_seconds_count{topic=\"charts\"} 1.0");
        var ready = NotifierProcess.get(http, "/q/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        var live = NotifierProcess.get(http, "/q/health/live");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(live.body()).contains("\"name\": \"notifier-charts\"");
    }
}
