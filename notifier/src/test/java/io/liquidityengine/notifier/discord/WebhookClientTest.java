package io.liquidityengine.notifier.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.notifier.message.Embed;
import io.liquidityengine.notifier.message.Messages;
import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.notifier.message.Notification.Kind;
import io.liquidityengine.notifier.message.Records;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook client against {@link FakeDiscord} on loopback. Waits are simulated: the sleeper records
 * each requested wait and advances the client's clock by it, so nothing here sleeps.
 */
class WebhookClientTest {

    record Dropped(Kind kind, String body, String reason) {
    }

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Dropped> dropped = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Logger notifierLog = Logger.getLogger("io.liquidityengine.notifier");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (log) {
                log.add(record.getLevel() + " " + getFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private FakeDiscord discord;
    private Webhook webhook;

    @BeforeEach
    void start() throws IOException {
        capture.setFormatter(new java.util.logging.SimpleFormatter());
        notifierLog.addHandler(capture);
        notifierLog.setLevel(Level.ALL);
        discord = new FakeDiscord();
        webhook = new Webhook("trading", discord.webhookUrl());
    }

    @AfterEach
    void stop() {
        discord.close();
        notifierLog.removeHandler(capture);
        notifierLog.setLevel(null);
    }

    private WebhookClient client(int maxAttempts, Duration maxBackoff, boolean waitForMessage) {
        WebhookClient.Settings settings = new WebhookClient.Settings(Duration.ofSeconds(5), maxAttempts, Duration.ofMillis(500),
                maxBackoff, 20, waitForMessage);
        return new WebhookClient(HttpClient.newHttpClient(), settings, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
        }, now::get, (w, n, body, reason) -> dropped.add(new Dropped(n.kind(), body, reason)), "le-test");
    }

    private static Notification text(String s) {
        return Notification.text(Kind.FILL, s);
    }

    @Test
    void routeAndGlobal429sAreWaitedOutAndNothingIsLostOrReordered() throws Exception {
        WebhookClient client = client(6, Duration.ofSeconds(30), false);
        discord.rateLimitNext(1.5, false);
        discord.rateLimitNext(0.25, true);

        for (int i = 0; i < 7; i++) {
            assertThat(client.post(webhook, text("fill " + i)).delivered()).isTrue();
        }

        assertThat(discord.accepted()).extracting(b -> b.get("content").asText())
                .containsExactly("fill 0", "fill 1", "fill 2", "fill 3", "fill 4", "fill 5", "fill 6");
        assertThat(discord.accepted().get(0).get("username").asText()).isEqualTo("le-test");
        assertThat(discord.accepted().get(0).get("allowed_mentions").get("parse").size()).isZero();
        assertThat(discord.requests()).isEqualTo(9);
        // 429 on the route: 1.5 s; global 429: 0.25 s; the bucket's 5 requests used up: its 2.5 s reset
        assertThat(sleeps).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(250), Duration.ofMillis(2500));
        assertThat(client.rateLimited()).isEqualTo(2);
        assertThat(client.delivered()).isEqualTo(7);
        assertThat(dropped).isEmpty();
    }

    @Test
    void invalidBodyIs400WithCode50035DeadLetteredOnceAndTheNextMessageStillGoes() throws Exception {
        WebhookClient client = client(6, Duration.ofSeconds(30), false);
        Notification badColour = Notification.embed(Kind.PLAN, new Embed("ES plan", null, 0x1000000, List.of(), null, null));

        WebhookClient.Result result = client.post(webhook, badColour);
        client.post(webhook, text("after"));

        assertThat(result.parts()).containsExactly(WebhookClient.Outcome.DEAD_LETTERED);
        assertThat(discord.requests()).isEqualTo(2);
        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).kind()).isEqualTo(Kind.PLAN);
        assertThat(dropped.get(0).body()).isEqualTo(
                "{\"username\":\"le-test\",\"embeds\":[{\"title\":\"ES plan\",\"color\":16777216}],\"allowed_mentions\":{\"parse\":[]}}");
        assertThat(dropped.get(0).reason()).isEqualTo("HTTP 400 {\"code\": 50035, \"message\": \"Invalid Form Body\", \"errors\": "
                + "{\"_errors\": [{\"code\": \"BASE_TYPE_BAD\", \"message\": \"embeds.0.color: int value should be less than or equal to 16777215.\"}]}}");
        assertThat(client.rejected()).isEqualTo(1);
        assertThat(client.deadLettered()).isEqualTo(1);
        assertThat(discord.accepted()).extracting(b -> b.get("content").asText()).containsExactly("after");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedWithCappedBackoffThenDeadLettered() throws Exception {
        WebhookClient client = client(4, Duration.ofSeconds(1), false);
        discord.failNext(500, 2);
        assertThat(client.post(webhook, text("survives two 500s")).delivered()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));

        sleeps.clear();
        discord.failNext(503, 4);
        assertThat(client.post(webhook, text("lost to 503s")).delivered()).isFalse();

        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1000));
        assertThat(discord.requests()).isEqualTo(3 + 4);
        assertThat(dropped).extracting(Dropped::reason)
                .containsExactly("HTTP 503 {\"message\": \"Internal Server Error\", \"code\": 0} after 4 attempts");
        assertThat(client.retried()).isEqualTo(5);
        assertThat(discord.accepted()).extracting(b -> b.get("content").asText()).containsExactly("survives two 500s");
    }

    @Test
    void waitTrueReturnsTheCreatedMessages() throws Exception {
        WebhookClient client = client(6, Duration.ofSeconds(30), true);

        WebhookClient.Result first = client.post(webhook, text("one"));
        WebhookClient.Result second = client.post(webhook, Messages.plan(Records.plan().build()));

        assertThat(first.messageIds()).containsExactly("1000");
        assertThat(second.messageIds()).containsExactly("1001");
        assertThat(discord.accepted().get(1).get("embeds").get(0).get("title").asText()).isEqualTo("ES plan NEW: long 6000.25");
    }

    @Test
    void oversizedMessagesAreSplitOrTruncatedSoDiscordAcceptsThem() throws Exception {
        WebhookClient client = client(6, Duration.ofSeconds(30), false);
        String note = "n".repeat(3000);
        List<Embed.Field> thirty = IntStream.range(0, 30).mapToObj(i -> new Embed.Field("f" + i, "v" + i, true)).toList();

        client.post(webhook, text("x".repeat(3000)));
        client.post(webhook, Messages.plan(Records.plan().setReason(note).build()));
        client.post(webhook, Notification.embed(Kind.STATUS, new Embed("wide", null, 1, thirty, null, null)));

        List<JsonNode> got = discord.accepted();
        assertThat(dropped).isEmpty();
        assertThat(got).hasSize(4);
        assertThat(got.get(0).get("content").asText()).isEqualTo("x".repeat(2000));
        assertThat(got.get(1).get("content").asText()).isEqualTo("x".repeat(1000));
        JsonNode reason = got.get(2).get("embeds").get(0).get("fields").get(6);
        assertThat(reason.get("name").asText()).isEqualTo("Reason");
        assertThat(reason.get("value").asText()).isEqualTo("n".repeat(1023) + "…");
        JsonNode embeds = got.get(3).get("embeds");
        assertThat(embeds.size()).isEqualTo(2);
        assertThat(embeds.get(0).get("fields").size()).isEqualTo(25);
        assertThat(embeds.get(1).get("title").asText()).isEqualTo("wide (cont.)");
        assertThat(embeds.get(1).get("fields").size()).isEqualTo(5);
    }

    @Test
    void unknownWebhookAndUnreachableHostAreDeadLetteredAndNoTokenIsEverLogged() throws Exception {
        WebhookClient client = client(3, Duration.ofSeconds(1), false);
        URI wrong = URI.create(discord.webhookUrl().toString().replace(FakeDiscord.TOKEN, "WrongToken-xyz"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort + "/api/webhooks/123456/" + FakeDiscord.TOKEN);

        client.post(new Webhook("wrong", wrong), text("to nowhere"));
        client.post(new Webhook("down", unreachable), text("to a closed port"));
        client.post(webhook, Notification.embed(Kind.PLAN, new Embed("bad", null, -1, List.of(), null, null)));

        assertThat(dropped).extracting(Dropped::reason).hasSize(3);
        assertThat(dropped.get(0).reason()).isEqualTo("HTTP 404 {\"message\": \"Unknown Webhook\", \"code\": 10015}");
        assertThat(dropped.get(1).reason()).startsWith("I/O error ConnectException").endsWith(" after 3 attempts");
        assertThat(dropped.get(2).reason()).startsWith("HTTP 400 {\"code\": 50035");
        assertThat(log).isNotEmpty();
        assertThat(String.join("\n", log)).doesNotContain(FakeDiscord.TOKEN).doesNotContain("WrongToken-xyz")
                .contains("/api/webhooks/123456/***");
        assertThat(log).anyMatch(l -> l.startsWith("WARNING Discord rejected a FILL message for webhook wrong http://127.0.0.1:"));
    }

    @Test
    void aChartIsAMultipartUploadWithPayloadJsonAndFiles0() throws Exception {
        WebhookClient client = client(6, Duration.ofSeconds(30), false);
        byte[] png = new byte[70_000];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 31 + 7); // every byte value, CR and LF and '-' included
        }
        Notification chart = Notification.file(Kind.CHART, "**ES** chart 2024-12-05 11:00 EST, hourly",
                new Notification.Attachment("ES-20241205-1100-hourly.png", "image/png", png));

        assertThat(client.post(webhook, chart).delivered()).isTrue();

        assertThat(discord.uploads()).hasSize(1);
        FakeDiscord.Upload upload = discord.uploads().get(0);
        assertThat(upload.part()).isEqualTo("files[0]");
        assertThat(upload.filename()).isEqualTo("ES-20241205-1100-hourly.png");
        assertThat(upload.contentType()).isEqualTo("image/png");
        assertThat(upload.bytes()).isEqualTo(png);
        assertThat(upload.payload().get("content").asText()).isEqualTo("**ES** chart 2024-12-05 11:00 EST, hourly");
        assertThat(upload.payload().get("attachments").toString()).isEqualTo("[{\"id\":0,\"filename\":\"ES-20241205-1100-hourly.png\"}]");
        assertThat(upload.payload().get("username").asText()).isEqualTo("le-test");
        assertThat(discord.requests()).isEqualTo(1);
        assertThat(dropped).isEmpty();
    }

    @Test
    void aFileOverDiscordsLimitIsLeftOutAndTheTextStillGoes() throws Exception {
        WebhookClient client = client(6, Duration.ofSeconds(30), false);
        Notification chart = Notification.file(Kind.CHART, "**ES** chart",
                new Notification.Attachment("big.png", "image/png", new byte[Limits.FILE_BYTES + 1]));

        assertThat(Limits.fit(chart)).singleElement().satisfies(n -> assertThat(n.attachment()).isNull());
        assertThat(client.post(webhook, chart).delivered()).isTrue();

        assertThat(discord.uploads()).isEmpty();
        assertThat(discord.accepted()).extracting(b -> b.get("content").asText())
                .containsExactly("**ES** chart\n(big.png left out: 10485761 bytes, over Discord's 10485760)");
        assertThat(discord.accepted().get(0).has("attachments")).isFalse();
    }

    @Test
    void aSplitMessageCarriesItsFileOnTheLastPart() {
        String longText = "x".repeat(1500) + "\n" + "y".repeat(1500);
        List<Notification> parts = Limits.fit(Notification.file(Kind.CHART, longText,
                new Notification.Attachment("c.png", "image/png", new byte[] {1, 2, 3})));

        assertThat(parts).extracting(Notification::content).containsExactly("x".repeat(1500), "y".repeat(1500));
        assertThat(parts.get(0).attachment()).isNull();
        assertThat(parts.get(1).attachment().filename()).isEqualTo("c.png");
    }
}
