package io.liquidityengine.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.app.DeliveryLog.RecordPosition;
import io.liquidityengine.notifier.discord.FakeDiscord;
import io.liquidityengine.notifier.discord.Webhook;
import io.liquidityengine.notifier.discord.WebhookClient;
import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.notifier.message.Notification.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    @Test
    void routesByKindAndSkipsTheStepsTheDeliveryLogHasAfterARestart() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            WebhookClient client = new WebhookClient(HttpClient.newHttpClient(), WebhookClient.Settings.defaults(), d -> {
            }, System::nanoTime, (w, n, b, r) -> {
                throw new AssertionError(r);
            }, null);
            URI url = discord.webhookUrl();
            Map<Webhook, Set<Kind>> routes = new LinkedHashMap<>();
            routes.put(new Webhook("all", url), Set.of(Kind.values()));
            routes.put(new Webhook("fills", URI.create(url + "?thread_id=7")), Set.of(Kind.FILL));
            List<String> console = new ArrayList<>();
            DeliveryLog log = DeliveryLog.inMemory();
            Dispatcher dispatcher = new Dispatcher(client, routes, console::add, log);
            RecordPosition pos = new RecordPosition("exec.reports", 0, 17);
            List<Notification> out = List.of(Notification.text(Kind.BIAS_FLIP, "flip"),
                    Notification.text(Kind.FILL, "x".repeat(2500)), Notification.text(Kind.FILL, "fill 2"));

            // steps: flip->all (0); fill 1 part 1, part 2 ->all (1, 2), ->fills (3, 4); fill 2 ->all (5), ->fills (6)
            log.posted(pos, 3);
            dispatcher.dispatch(pos, out);

            assertThat(discord.accepted()).extracting(b -> b.get("content").asText().length() > 20
                    ? b.get("content").asText().substring(0, 1) + b.get("content").asText().length() : b.get("content").asText())
                    .containsExactly("x500", "fill 2", "fill 2");
            assertThat(console).containsExactly("fill 2");
            assertThat(log.done(pos, 99)).isTrue();
            assertThat(log.done(new RecordPosition("exec.reports", 0, 18), 0)).isFalse();

            dispatcher.dispatch(pos, out);
            assertThat(discord.accepted()).hasSize(3);

            dispatcher.dispatch(null, List.of(Notification.text(Kind.STATUS, "status")));
            assertThat(discord.accepted()).hasSize(4);
            assertThat(console).containsExactly("fill 2", "status");
        }
    }
}
